/**
 * The operations Indeed's Interview API guide prints, rewritten for our tests: same fields,
 * arguments and input shapes, our own values. The schema test checks each against the SDL;
 * the sandbox's tests run them. Ids and the cursor default to the guide's own values so both
 * id forms (opaque base64 and bare uuid) and the sample cursor are covered.
 */

/** The guide's two event ids, in the base64 form it uses for reads and reschedules. */
export const GUIDE_BASE64_IDS = [
  "aXJpOi8vYXBpcy5pbmRlZWQuY29tL1ZpcnR1YWxJbnRlcnZpZXdFdmVudC9jMGNiZmNmMy05NjFhLTRiNmYtYTE5OS1lNDA0M2Y0MDE2Y2Y=",
  "aXJpOi8vYXBpcy5pbmRlZWQuY29tL1ZpcnR1YWxJbnRlcnZpZXdFdmVudC8zZjM3MmEzNy05NTI5LTQ0NmItYmQ5OC01ZGJjOGMwNTdjODQ=",
] as const;
/** The same two events as bare uuids, the form the guide uses for the other updates. */
export const GUIDE_UUIDS = [
  "c0cbfcf3-961a-4b6f-a199-e4043f4016cf",
  "3f372a37-9529-446b-bd98-5dbc8c057c84",
] as const;
/** The guide's sample page cursor (base64 of `<uuid>|4`, unpadded). */
export const GUIDE_CURSOR = "ZmIyNDUxZjAtYjBjMy00NTljLTk4MGItNTVlMThhNWNlOWU0fDQ";
/** The cursor the guide's invalid-request example sends. */
export const GUIDE_BAD_CURSOR = "1˙∆";

const EVENT_FIELDS = `
      id
      status
      title
      startTime
      endTime
      timezone
      languageCode
      countryCode
      interviewerLobbyUrl
      interviewersConnection {
        interviewers {
          name
          email
        }
      }
      intervieweesConnection {
        interviewees {
          intervieweeLobbyUrl
          name
          email
        }
      }`;

export interface CreateEventValues {
  startTime: string;
  endTime: string;
  interviewerEmails: [string, string];
  intervieweeEmail: string;
}

export function createEventOperation(values: CreateEventValues): string {
  return `mutation CreateEvent {
  createVirtualInterviewEvent(input: {
    startTime: "${values.startTime}"
    endTime: "${values.endTime}"
    title: "Interview with Robin Park"
    timezone: "America/Los_Angeles"
    interviewers: [{ email: "${values.interviewerEmails[0]}" }, { email: "${values.interviewerEmails[1]}" }]
    interviewee: { name: "Robin Park", email: "${values.intervieweeEmail}" }
    requestMetadata: { atsName: "Lobby", employerName: "Acme Robotics" }
    languageCode: "fr"
    countryCode: "CA"
  }) {
    event {
      id
      countryCode
      languageCode
      interviewerLobbyUrl
      intervieweesConnection {
        interviewees {
          intervieweeLobbyUrl
          name
          email
        }
      }
      interviewersConnection {
        pageInfo {
          endCursor
        }
        interviewers {
          email
        }
      }
    }
  }
}`;
}

export function rescheduleEventOperation(
  id: string = GUIDE_BASE64_IDS[1],
  startTime = "2022-08-19T22:30:00+00:00",
  endTime = "2022-08-19T23:30:00+00:00",
): string {
  return `mutation RescheduleEvent {
  updateVirtualInterviewEvent(input: {
    reschedule: { id: "${id}", startTime: "${startTime}", endTime: "${endTime}" }
  }) {
    event {${EVENT_FIELDS}
    }
  }
}`;
}

export function addInterviewersOperation(
  id: string = GUIDE_UUIDS[0],
  emails: string[] = ["ana@example.com", "ben@example.com", "cai@example.com"],
): string {
  const list = emails.map((email) => `{ email: "${email}" }`).join(", ");
  return `mutation AddInterviewersToEvent {
  updateVirtualInterviewEvent(input: {
    addInterviewers: { id: "${id}", interviewers: [${list}] }
  }) {
    event {${EVENT_FIELDS}
    }
  }
}`;
}

export function addIntervieweeOperation(
  id: string = GUIDE_UUIDS[0],
  email = "robin.park@example.net",
): string {
  return `mutation AddIntervieweeToEvent {
  updateVirtualInterviewEvent(input: {
    addInterviewee: { id: "${id}", interviewee: { name: "Robin Park", email: "${email}" } }
  }) {
    event {${EVENT_FIELDS}
    }
  }
}`;
}

export function setTitleOperation(
  id: string = GUIDE_UUIDS[0],
  title = "Second interview with Robin Park",
): string {
  return `mutation SetTitleOfEvent {
  updateVirtualInterviewEvent(input: {
    setTitle: { id: "${id}", title: "${title}" }
  }) {
    event {${EVENT_FIELDS}
    }
  }
}`;
}

export function setTimezoneOperation(
  id: string = GUIDE_UUIDS[0],
  timezone = "America/Los_Angeles",
): string {
  return `mutation SetTimezoneOfEvent {
  updateVirtualInterviewEvent(input: {
    setTimezone: { id: "${id}", timezone: "${timezone}" }
  }) {
    event {${EVENT_FIELDS}
    }
  }
}`;
}

export function cancelEventOperation(id: string = GUIDE_UUIDS[0]): string {
  return `mutation CancelEvent {
  cancelVirtualInterviewEvent(input: { id: "${id}" }) {
    event {${EVENT_FIELDS}
    }
  }
}`;
}

export function getEventsOperation(ids: readonly string[] = GUIDE_BASE64_IDS): string {
  return `query GetEvent {
  virtualInterviewEvents(input: { ids: [${ids.map((id) => `"${id}"`).join(", ")}] }) {
    events {
      id
      interviewerLobbyUrl
      intervieweesConnection {
        interviewees {
          intervieweeLobbyUrl
          name
          email
          interviewRecordsConnection {
            records {
              id
              recordingUrl
              interviewOutcomesConnection {
                outcomes {
                  interviewer {
                    id
                    email
                    name
                  }
                  decision {
                    value
                    noteText
                  }
                }
              }
            }
          }
        }
      }
      interviewersConnection {
        pageInfo {
          endCursor
        }
        interviewers {
          email
        }
      }
    }
  }
}`;
}

export function findEventsOperation(
  cursor: string = GUIDE_CURSOR,
  startAfter = "2022-06-29T22:00:00+00:00",
): string {
  return `query FindEvents {
  findVirtualInterviewEvents(
    first: 50,
    after: "${cursor}"
    input: { startTime: { after: "${startAfter}" } }
  ) {
    events {
      id
      title
      startTime
      endTime
      interviewersConnection {
        interviewers {
          email
        }
      }
    }
    pageInfo {
      startCursor
      endCursor
      hasNextPage
      hasPreviousPage
    }
    totalCount
  }
}`;
}

/**
 * The guide's invalid request: a cursor with characters base64 never has. The field sits at
 * line 2, column 3 here, so the error's `locations` point there.
 */
export const invalidCursorOperation = `query {
  findVirtualInterviewEvents(
    input: {
      startTime: { after: "2022-07-19T23:21:27+00:00", before: "2022-07-19T23:21:30+00:00" }
      endTime: { after: "2022-07-19T23:21:27+00:00", before: "2022-07-19T23:21:30+00:00" }
    }, after: "${GUIDE_BAD_CURSOR}") {
    events {
      id
    }
  }
}`;
