/**
 * How the browser host's per-run token travels: the page it serves carries it in a meta tag,
 * and every call sends it back in a header. One place, for the host, the renderer and tests.
 */
export const HOST_TOKEN_META = 'caogao-host-token'
/** HTTP header names are case-insensitive; Node gives them lower-cased. */
export const HOST_TOKEN_HEADER = 'x-caogao-token'
