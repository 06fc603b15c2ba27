import { runCli } from './program';
import { processIo } from './io';

runCli(process.argv.slice(2), processIo).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`idchain: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exit(1);
  },
);
