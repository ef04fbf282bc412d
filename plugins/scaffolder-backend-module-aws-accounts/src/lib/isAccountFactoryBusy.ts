/**
 * True when Service Catalog or Control Tower refused work because another
 * Account Factory operation is still running. It answers either with a
 * ResourceInUseException or with a record error that says so.
 */
export function isAccountFactoryBusy(error: unknown): boolean {
  if (!(error instanceof Error)) {
    return false;
  }
  return (
    error.name === 'ResourceInUseException' ||
    /ResourceInUseException|another (account factory )?operation is (already )?in progress/i.test(
      error.message,
    )
  );
}
