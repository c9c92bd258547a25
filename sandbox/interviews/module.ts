import type { Router } from "../core/http";
import type { HomeSection, SandboxContext, SandboxModule } from "../core/module";
import type { OAuthApi } from "../oauth/api";
import { buildSchema } from "graphql";
import { DEFAULT_MODES, type InterviewApiModes } from "./api-modes";
import { mountInterviewControlRoutes } from "./control-routes";
import { createExecutableSchema, SCHEMA_SDL } from "./executable-schema";
import { buildGuideSchema } from "./guide-schema";
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
  /** The modes at start (api-modes.ts); a reset comes back to them. */
  startModes: Partial<InterviewApiModes> = {},
): SandboxModule & { service: InterviewService } {
  const initialModes: InterviewApiModes = { ...DEFAULT_MODES, ...startModes };
  const service = new InterviewService(context.clock, oauth, () => context.issuer, {
    ...initialModes,
  });
  const limiter = new RateLimiter();
  const faults = new GraphqlFaults();
  const schemas = {
    extended: createExecutableSchema(buildSchema(SCHEMA_SDL)),
    guide: createExecutableSchema(buildGuideSchema(SCHEMA_SDL)),
  };

  return {
    name: "interviews",
    service,
    mount(router: Router) {
      mountGraphqlEndpoint(router, { context, oauth, service, schemas, limiter, faults });
      mountInterviewControlRoutes(router, { context, oauth, service, limiter, faults });
      mountInterviewPages(router, context, oauth, service);
    },
    load(snapshot) {
      service.load(snapshot as InterviewState | undefined);
    },
    snapshot: () => service.snapshot(),
    reset() {
      service.load(undefined);
      Object.assign(service.modes, initialModes);
      limiter.settings = { ...DEFAULT_RATE_LIMIT };
      limiter.clear();
      faults.delete();
    },
    homeSection(): HomeSection {
      return {
        title: "Interview API",
        html: `<p>${service.store.size} events. <code>POST /graphql</code> serves the Interview API with a bearer token.
Schema: <strong>${service.modes.schema}</strong>${service.modes.schema === "guide" ? " (only what Indeed's guide shows)" : " (with the sandbox's reconstructed extensions)"};
access: <strong>${service.modes.access}</strong>${service.modes.access === "interviewer" ? " (an event's interviewers only)" : " (anyone of the event's employer)"}.</p>
<ul>
<li><a href="/_sandbox/events">Interview events</a> per employer</li>
<li><a href="/_sandbox/outbox">Messages Indeed sent</a> (invitations, calendar items, reminders, recording links)</li>
<li><a href="/_sandbox/schema">Schema mode</a> and <a href="/_sandbox/access">access mode</a> (JSON)</li>
<li><a href="/_sandbox/faults/graphql">GraphQL faults</a> and <a href="/_sandbox/ratelimit/graphql">rate limit</a> (JSON)</li>
</ul>`,
      };
    },
  };
}
