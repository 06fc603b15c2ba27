import type { Config } from 'jest';
import { HANG_GUARD_MS } from './test/hang-guard';

// Packages that ship ES modules only; the transform turns them into CommonJS for jest.
const esmOnly = ['jose', 'p-retry', 'p-limit', 'yocto-queue', 'is-network-error'];

const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/harness', '<rootDir>/emulator', '<rootDir>/suites', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // esbuild, with babel-jest for a file that calls jest.mock() (test/jest-transform.cjs).
  transform: { '^.+\\.(t|j|mj)s$': '<rootDir>/test/jest-transform.cjs' },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  // A hang guard, not a budget (test/hang-guard.ts): no test is timed.
  testTimeout: HANG_GUARD_MS,
  // The suites spend much of their time waiting on local servers, so both cores pay off
  // (jest's default on a 2-core machine is one worker).
  maxWorkers: 2,
  // Tests never reach AWS: strip any real credentials from the environment.
  setupFiles: ['<rootDir>/test/scrub-aws-env.ts'],
};

export default config;
