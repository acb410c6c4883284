// Ready-made queries for the API explorer: the questions analysts come with.

export interface ExampleQuery {
  id: string;
  title: string;
  query: string;
  variables?: string;
}

export const EXAMPLE_QUERIES: readonly ExampleQuery[] = [
  {
    id: 'us-sanctions-2021',
    title: 'Every sanction the US imposed in 2021, with its targets',
    query: `# Sanctions the United States took against Russia in 2021, with who was targeted.
query UsSanctions2021 {
  events(
    filter: { from: "2021-01-01", to: "2021-12-31", kinds: [SANCTION], directions: [US_TO_RU] }
    first: 100
  ) {
    totalCount
    nodes {
      startDate
      title
      ... on Sanction {
        action
        program
        measures
        targets: participants(role: TARGET) {
          actor { name kind }
        }
        authority: participants(role: AUTHORITY) {
          actor { name }
        }
      }
      citations { source { publisher url } }
    }
  }
}
`,
  },
  {
    id: 'ryabkov-2021',
    title: 'What Ryabkov said in 2021',
    query: `# Statements by Deputy Foreign Minister Sergei Ryabkov in 2021, with the words where a source gives them.
query RyabkovIn2021 {
  actor(id: "sergei-ryabkov") {
    name
    title
    events(role: SPEAKER, filter: { from: "2021-01-01", to: "2021-12-31" }, first: 50) {
      totalCount
      nodes {
        startDate
        title
        ... on Statement {
          quote
          quoteLanguage
          outlet { name }
        }
      }
    }
  }
}
`,
  },
  {
    id: 'expulsions-chain',
    title: 'The chain of responses after the December 2016 expulsions',
    query: `# The expulsion of 35 Russian diplomats, what it was part of, and what answered it, two links deep.
query ExpulsionsChain {
  event(id: "2016-12-29-us-expels-35-russian-diplomats") {
    title
    startDate
    links {
      type
      direction
      event {
        title
        startDate
        links {
          type
          direction
          event { title startDate }
        }
      }
    }
  }
}
`,
  },
  {
    id: 'search-ryabkov-russian',
    title: 'Search in Russian: “Рябков”, with highlighted snippets',
    query: `# Full-text search in English and Russian (web-search syntax), best match first.
query SearchRussian($search: String!) {
  events(filter: { search: $search }, first: 10) {
    totalCount
    edges {
      rank
      snippet { text highlights { start length } }
      node { startDate title }
    }
  }
}
`,
    variables: '{ "search": "Рябков" }',
  },
  {
    id: 'temperature-2021',
    title: 'Relations temperature, month by month, 2021–2022',
    query: `# Mean and smoothed tone (−10 conflict … +10 cooperation) each way, per month.
query Temperature {
  relationsTemperature(from: "2021-01-01", to: "2022-12-31", bucket: MONTH) {
    start
    usToRu { count meanTone smoothed }
    ruToUs { count meanTone smoothed }
  }
}
`,
  },
  {
    id: 'events-per-year',
    title: 'Events per year by kind, and the most used tags',
    query: `query Counts {
  dataRange { from to }
  eventCounts(from: "2014-01-01", to: "2024-12-31", bucket: YEAR) {
    start
    count
    byKind { kind count }
  }
  tags { tag count }
}
`,
  },
  {
    id: 'mission-actions',
    title: 'Every action against a diplomatic mission, both ways',
    query: `query MissionActions {
  events(filter: { kinds: [MISSION] }, first: 100) {
    totalCount
    nodes {
      startDate
      title
      direction
      ... on MissionAction { action facility city personnelCount }
    }
  }
}
`,
  },
];
