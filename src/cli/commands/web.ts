/**
 * `ads-errors web [--port N] [--host H]`: serves the web explainer until interrupted.
 */
import { startWebExplainer } from '../../web/server.js';
import { parseArgs } from '../args.js';
import { UsageError, type Command } from '../io.js';

const HELP = `Usage: ads-errors web [--port N] [--host H]

Serves the web explainer: paste a failure, read the explanation in English, Korean,
Indonesian or Traditional Chinese. Port 0 (the default) picks a free port; the address is
printed as soon as it listens. Stops on Ctrl-C.
`;

export const webCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, { flags: ['help'], options: ['port', 'host'] });
  if (args.flags.has('help')) {
    io.stdout.write(HELP);
    return 0;
  }
  const portText = args.options.get('port') ?? '0';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, got '${portText}'`);
  const web = await startWebExplainer({ port, host: args.options.get('host') ?? '127.0.0.1' });
  io.stdout.write(`web explainer listening on ${web.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await web.close();
  return 0;
};
