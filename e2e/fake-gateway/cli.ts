import { parseCliArgs, USAGE } from './cliArgs';
import { startFakeGateway } from './server';

const parsed = parseCliArgs(process.argv.slice(2));
if (parsed.kind === 'help') {
  console.log(USAGE);
} else if (parsed.kind === 'error') {
  console.error(`${parsed.message}\n${USAGE}`);
  process.exitCode = 2;
} else {
  const gateway = await startFakeGateway({ ...parsed.options, recordRequests: false }).catch(
    (error: unknown) => {
      console.error(
        `Could not start the fake gateway: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exit(1);
    },
  );
  console.log(`Fake Bifrost gateway listening on ${gateway.url}`);
  const stop = (): void => {
    void gateway.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
