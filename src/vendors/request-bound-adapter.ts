// What every vendor adapter shares: the upstream client it calls its vendor with, and
// per-request views of itself (VendorAdapter.forRequest) whose client is bound to one
// GraphQL request's scope. Adapters are created once at start-up; a view costs two small
// objects per source and request.
import type { RequestScope } from '../request-scope.js';
import type { UpstreamClient } from './http.js';

export abstract class RequestBoundAdapter {
  protected abstract readonly http: UpstreamClient;

  forRequest(scope: RequestScope): this {
    return Object.assign(Object.create(this) as this, { http: this.http.forRequest(scope) });
  }
}
