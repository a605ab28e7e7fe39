import type { Reroute } from '@sveltejs/kit/hooks';
import { deLocalizeUrl } from '#lib/paraglide/runtime.js';

// `/ru/services/x` and `/en/services/x` are served by the same route as `/services/x`.
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;
