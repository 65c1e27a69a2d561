import { resolve } from 'node:path';
import { startBrowserHost } from '../../host/server';
import { parseCliArgs } from '../args';
import type { CliCommand } from '../types';
import { UsageError } from '../types';

const usage = 'shelfcast web [--workspace <file>] [--port <n>]';

export const webCommand: CliCommand = {
  name: 'web',
  summary: 'Serves the app to a local browser (127.0.0.1, per-run token); prints the URL to open.',
  usage,
  async run(argv, io) {
    const { values } = parseCliArgs(argv, { workspace: { type: 'string' }, port: { type: 'string' } });
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, got "${values.port}"`);
    const host = await startBrowserHost({
      port,
      ...(values.workspace ? { workspace: resolve(io.cwd, values.workspace) } : {}),
    });
    io.stdout(`${host.url}\n`);
    io.stderr('Shelfcast is running. Open the address above in a browser. Press Ctrl+C to stop.\n');
    await new Promise<void>((done) => {
      const stop = () => {
        // A second signal while closing stops at once.
        process.once('SIGINT', () => process.exit(130));
        process.once('SIGTERM', () => process.exit(143));
        void host.close().then(done);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
