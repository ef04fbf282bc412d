/**
 * Pages of a token-paged AWS list, with the next page asked for as soon as
 * its token is known, so that storing one page overlaps fetching the next.
 * At most two requests of the stream are in flight, which keeps the stream
 * within the operation's quota as a plain loop would.
 */
export async function* prefetchPages<TPage>(
  fetchPage: (token: string | undefined) => Promise<TPage>,
  nextTokenOf: (page: TPage) => string | undefined,
): AsyncGenerator<TPage> {
  let request: Promise<TPage> | undefined = fetchPage(undefined);
  while (request) {
    const page: TPage = await request;
    const token = nextTokenOf(page);
    request = token ? fetchPage(token) : undefined;
    // Rejections surface when the request is awaited on the next turn.
    request?.catch(() => undefined);
    yield page;
  }
}
