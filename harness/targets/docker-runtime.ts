import { UsageError } from '../errors';

/** Whether a Docker engine answers, and if not, why not. */
export type DockerStatus = { available: true; description: string } | { available: false; reason: string };

/** One container to run: an image serving HTTP on `port`, ready once GET `readyPath` answers 200. */
export interface ContainerSpec {
  image: string;
  env: Record<string, string>;
  port: number;
  readyPath: string;
  startupTimeoutMs: number;
}

/** A container that answered on `url`. */
export interface RunningContainer {
  readonly url: string;
  readonly id: string;
  /** Stops and removes the container. */
  stop(): Promise<void>;
}

/**
 * The seam container targets reach Docker through: a probe, and a way to
 * start one container. Unit tests pass a fake, so both paths (an engine, no
 * engine) are covered on machines without Docker.
 */
export interface ContainerRuntime {
  probe(): Promise<DockerStatus>;
  start(spec: ContainerSpec): Promise<RunningContainer>;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1']);

type Testcontainers = typeof import('testcontainers');

// require(), not import(): the build is CommonJS (as lazy.ts), and jest runs the sources without ES module support.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const requireTestcontainers = async (): Promise<Testcontainers> => require('testcontainers') as Testcontainers;

/**
 * testcontainers is an optional peer dependency: a team that only wants the
 * emulator need not install Docker tooling. Without it, asking for a container
 * target is a configuration error (exit 2, nothing created): unlike a Docker
 * engine that is down (exit 3), it will not come back by itself, and the
 * message says what to install.
 */
export async function loadTestcontainers(load: () => Promise<Testcontainers> = requireTestcontainers): Promise<Testcontainers> {
  try {
    return await load();
  } catch (err) {
    // "Cannot find package 'testcontainers' imported from …" (import), "Cannot find module 'testcontainers'" (require);
    // a package missing *inside* testcontainers names itself, and only the path names testcontainers.
    const code = (err as { code?: string }).code;
    if ((code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') && /'testcontainers'/.test((err as Error).message)) {
      throw new UsageError(
        'Container targets start their image through the testcontainers package, an optional peer dependency of idchain that is not installed. ' +
          'Expected: testcontainers 11 beside idchain. Install it with: npm install --save-dev testcontainers@^11 (and have a Docker engine running), ' +
          'or point idchain at a running LocalStack with --endpoint URL.',
      );
    }
    throw err;
  }
}

/**
 * The default runtime: testcontainers (Docker socket, DOCKER_HOST or a
 * testcontainers config, in its usual order). Loaded only when a container
 * target starts, so the other targets never pay for it.
 */
export function testcontainersRuntimeFrom(load?: () => Promise<Testcontainers>): ContainerRuntime {
  return {
    async probe() {
      const { getContainerRuntimeClient } = await loadTestcontainers(load);
      try {
        const client = await getContainerRuntimeClient();
        const info = client.info.containerRuntime;
        return { available: true, description: `${info.operatingSystem || 'container runtime'} at ${info.host}` };
      } catch (err) {
        return { available: false, reason: (err as Error).message };
      }
    },

    async start(spec) {
      const { GenericContainer, Wait, getContainerRuntimeClient } = await loadTestcontainers(load);
      const client = await getContainerRuntimeClient();
      const local = LOOPBACK.has(client.info.containerRuntime.host);

      // Docker publishes ports on every interface unless told otherwise; an AWS
      // emulator that accepts any credentials must stay on the loopback interface.
      // testcontainers has no public option for the host IP, hence the subclass.
      class LoopbackContainer extends GenericContainer {
        onLoopbackOnly(): this {
          const bindings = (this.hostConfig.PortBindings ?? {}) as Record<string, { HostIp?: string; HostPort?: string }[]>;
          for (const key of Object.keys(bindings)) bindings[key] = bindings[key]!.map((b) => ({ ...b, HostIp: '127.0.0.1' }));
          return this;
        }
      }

      let container = new LoopbackContainer(spec.image)
        .withEnvironment(spec.env)
        .withExposedPorts(spec.port)
        .withWaitStrategy(Wait.forHttp(spec.readyPath, spec.port).forStatusCode(200))
        .withStartupTimeout(spec.startupTimeoutMs);
      // A remote engine (DOCKER_HOST=tcp://…) publishes on its own host: loopback there would be unreachable from here.
      if (local) container = container.onLoopbackOnly();
      const started = await container.start();
      return {
        // 'localhost' may resolve to ::1 first, where nothing is published.
        url: `http://${local ? '127.0.0.1' : started.getHost()}:${started.getMappedPort(spec.port)}`,
        id: started.getId(),
        stop: async () => {
          await started.stop();
        },
      };
    },
  };
}

export const testcontainersRuntime: ContainerRuntime = testcontainersRuntimeFrom();

