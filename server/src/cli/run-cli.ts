// Runs a command-line tool's main: exits with its code, or prints one line for an error and exits 1.
export function runCli(main: () => Promise<number>, describeError: (error: unknown) => string): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(describeError(error));
      process.exit(1);
    },
  );
}
