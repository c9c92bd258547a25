import type { Router } from "../core/http";
import type { HomeSection, SandboxContext, SandboxModule } from "../core/module";
import type { OAuthApi } from "../oauth/api";
import { mountInterviewControlRoutes } from "./control-routes";
import { createExecutableSchema } from "./executable-schema";
import { mountGraphqlEndpoint } from "./graphql-endpoint";
import { GraphqlFaults } from "./graphql-faults";
import { InterviewService } from "./interview-service";
import type { InterviewState } from "./interview-state";
import { mountInterviewPages } from "./page-routes";
import { DEFAULT_RATE_LIMIT, RateLimiter } from "./rate-limit";

/** The Interview API half of the sandbox: `POST /graphql`, lobbies, recordings, control API. */
export function createInterviewModule(
  context: SandboxContext,
  oauth: OAuthApi,
): SandboxModule & { service: InterviewService } {
  const service = new InterviewService(context.clock, oauth, () => context.issuer);
  const limiter = new RateLimiter();
  const faults = new GraphqlFaults();
  const schema = createExecutableSchema();

  return {
    name: "interviews",
    service,
    mount(router: Router) {
      mountGraphqlEndpoint(router, { context, oauth, service, schema, limiter, faults });
      mountInterviewControlRoutes(router, { context, oauth, service, limiter, faults });
      mountInterviewPages(router, context, oauth, service);
    },
    load(snapshot) {
      service.load(snapshot as InterviewState | undefined);
    },
    snapshot: () => service.snapshot(),
    reset() {
      service.load(undefined);
      limiter.settings = { ...DEFAULT_RATE_LIMIT };
      limiter.clear();
      faults.delete();
    },
    homeSection(): HomeSection {
      return {
        title: "Interview API",
        html: `<p>${service.store.size} events. <code>POST /graphql</code> serves the Interview API with a bearer token.</p>
<ul>
<li><a href="/_sandbox/events">Interview events</a> per employer</li>
<li><a href="/_sandbox/outbox">Messages Indeed sent</a> (invitations, calendar items, reminders)</li>
<li><a href="/_sandbox/faults/graphql">GraphQL faults</a> and <a href="/_sandbox/ratelimit/graphql">rate limit</a> (JSON)</li>
</ul>`,
      };
    },
  };
}
