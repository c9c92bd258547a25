import { graphql } from "@/lib/indeed/graphql";

/**
 * Every field of an event the schema has, selected by every interview operation, so the UI
 * never needs a second document for the same event and the ledger always gets a full snapshot.
 */
export const InterviewEventFields = graphql(`
  fragment InterviewEventFields on VirtualInterviewEvent {
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
        id
        name
        email
      }
    }
    intervieweesConnection {
      interviewees {
        name
        email
        intervieweeLobbyUrl
      }
    }
  }
`);

/** An interviewee's sessions: each one's recording and the interviewers' decisions on it. */
export const IntervieweeRecordsFields = graphql(`
  fragment IntervieweeRecordsFields on VirtualInterviewInterviewee {
    interviewRecordsConnection {
      records {
        id
        recordingUrl
        interviewOutcomesConnection {
          outcomes {
            interviewer {
              id
              name
              email
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
`);
