import { graphql } from "../graphql";

/**
 * The only GraphQL documents Lobby ever sends to Indeed. Client-safe (no server imports): the
 * react-query hooks take their result types from here. Every field of the event the schema
 * has is selected, so the UI never needs a second document for the same event.
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

export const CreateInterviewDocument = graphql(
  `
    mutation CreateInterview($input: CreateVirtualInterviewEventInput!) {
      createVirtualInterviewEvent(input: $input) {
        event {
          ...InterviewEventFields
        }
      }
    }
  `,
  [InterviewEventFields],
);

export const RescheduleInterviewDocument = graphql(
  `
    mutation RescheduleInterview($input: RescheduleVirtualInterviewEventInput!) {
      updateVirtualInterviewEvent(input: { reschedule: $input }) {
        event {
          ...InterviewEventFields
        }
      }
    }
  `,
  [InterviewEventFields],
);

export const AddInterviewersDocument = graphql(
  `
    mutation AddInterviewers($input: UpdateVirtualInterviewEventInterviewersInput!) {
      updateVirtualInterviewEvent(input: { addInterviewers: $input }) {
        event {
          ...InterviewEventFields
        }
      }
    }
  `,
  [InterviewEventFields],
);

export const AddIntervieweeDocument = graphql(
  `
    mutation AddInterviewee($input: AddVirtualInterviewEventIntervieweeInput!) {
      updateVirtualInterviewEvent(input: { addInterviewee: $input }) {
        event {
          ...InterviewEventFields
        }
      }
    }
  `,
  [InterviewEventFields],
);

export const SetInterviewTitleDocument = graphql(
  `
    mutation SetInterviewTitle($input: UpdateVirtualInterviewEventTitleInput!) {
      updateVirtualInterviewEvent(input: { setTitle: $input }) {
        event {
          ...InterviewEventFields
        }
      }
    }
  `,
  [InterviewEventFields],
);

export const SetInterviewTimezoneDocument = graphql(
  `
    mutation SetInterviewTimezone($input: UpdateVirtualInterviewEventTimezoneInput!) {
      updateVirtualInterviewEvent(input: { setTimezone: $input }) {
        event {
          ...InterviewEventFields
        }
      }
    }
  `,
  [InterviewEventFields],
);

export const CancelInterviewDocument = graphql(
  `
    mutation CancelInterview($input: CancelVirtualInterviewEventInput!) {
      cancelVirtualInterviewEvent(input: $input) {
        event {
          ...InterviewEventFields
        }
      }
    }
  `,
  [InterviewEventFields],
);

export const GetInterviewsDocument = graphql(
  `
    query GetInterviews($ids: [ID!]!) {
      virtualInterviewEvents(input: { ids: $ids }) {
        events {
          ...InterviewEventFields
          intervieweesConnection {
            interviewees {
              name
              email
              intervieweeLobbyUrl
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
          }
        }
      }
    }
  `,
  [InterviewEventFields],
);

export const FindInterviewsDocument = graphql(
  `
    query FindInterviews($first: Int, $after: String, $input: FindVirtualInterviewEventsInput!) {
      findVirtualInterviewEvents(first: $first, after: $after, input: $input) {
        totalCount
        pageInfo {
          startCursor
          endCursor
          hasNextPage
          hasPreviousPage
        }
        events {
          ...InterviewEventFields
        }
      }
    }
  `,
  [InterviewEventFields],
);

/** Name → document; the names are the public contract with the UI. */
export const operationDocuments = {
  CreateInterview: CreateInterviewDocument,
  RescheduleInterview: RescheduleInterviewDocument,
  AddInterviewers: AddInterviewersDocument,
  AddInterviewee: AddIntervieweeDocument,
  SetInterviewTitle: SetInterviewTitleDocument,
  SetInterviewTimezone: SetInterviewTimezoneDocument,
  CancelInterview: CancelInterviewDocument,
  GetInterviews: GetInterviewsDocument,
  FindInterviews: FindInterviewsDocument,
} as const;

export type OperationName = keyof typeof operationDocuments;
