// Demo data: the two KTH–HKUST joint webinars exactly as their pages published
// them (../shared/seeds), plus upcoming events dated from today so the site looks alive.
import { count, sql } from "drizzle-orm";
import { zonedWallTimeToInstant } from "../app/time";
import type { Database } from "./client.server";
import { createEvent, createOrganization, createPerson, createSeries, type AgendaItemSpec } from "./factories";
import { events, type TranslationsColumn } from "./schema";
import { BIASES_TEXTS, COVID_TEXTS, GRAPHENE_TEXTS, IOT_TEXTS, POSITION_TEXTS, ROBOTICS_TEXTS, SERIES_TEXTS } from "./seed-translations";

/** Agenda specs with each segment's Chinese and Swedish title, in order. */
function withSegmentTexts(agenda: AgendaItemSpec[], texts: { segments: TranslationsColumn[] }): AgendaItemSpec[] {
  if (agenda.length !== texts.segments.length) throw new Error("seed: one translation per agenda segment");
  return agenda.map((item, index) => ({ ...item, translations: texts.segments[index] }));
}

const STOCKHOLM = "Europe/Stockholm";
const HONG_KONG = "Asia/Hong_Kong";
const NEW_YORK = "America/New_York";

type Runner = Parameters<typeof createEvent>[0];

const SEED_LOCK = sql`select pg_advisory_xact_lock(7201120302)`;

/** A calendar date `days` after `now`, as YYYY-MM-DD (UTC date is close enough for demo scheduling). */
function dateFromNow(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

function at(date: string, time: string, zone: string): Date {
  return zonedWallTimeToInstant({ date, time, zone });
}

function minutesAfter(start: Date, minutes: number): Date {
  return new Date(start.getTime() + minutes * 60_000);
}

const COVID_DESCRIPTION = `Since the beginning of the COVID-19 pandemic, researchers around the world have been working tirelessly to find ways and solutions to tackle this global challenge. In this webinar in partnership with KTH Royal Institute of Technology, renowned scholars on medical science and engineering from HKUST and KTH will share about the latest scientific discovery and technological breakthroughs tackling the novel virus, from infection detection to vaccine development. Join us in this presentation and discussion on the worldwide efforts to make effective responses to the menacing pandemic.

The panel session will start at 5pm HKT, followed by an interactive discussion with the audience.`;

const BIASES_DESCRIPTION = `The COVID-19 pandemic has put all of us in uncharted territory. No nation is unaffected by the outbreak and there is no uniform formula tackling the crisis. We see varied approaches and responses from cities and individuals. Join HKUST for the webinar, as part of the global webinars under the theme “Navigating a World of Disruption”, in partnership with KTH Royal Institute of Technology to learn how people respond to the pandemic from different perspectives—social & cultural, public health, public transportation, urban planning & design. Through the academic exchanges, we wish to better understand how the new normal will be in the post-pandemic era.`;

export async function seedDemoData(db: Runner, now: Date = new Date()): Promise<{ events: number }> {
  const hkust = await createOrganization(db, {
    slug: "hkust",
    name: "The Hong Kong University of Science and Technology",
    shortName: "HKUST",
    websiteUrl: "https://hkust.edu.hk",
  });
  const kth = await createOrganization(db, {
    slug: "kth",
    name: "KTH Royal Institute of Technology",
    shortName: "KTH",
    websiteUrl: "https://www.kth.se",
  });
  const mit = await createOrganization(db, {
    slug: "mit",
    name: "Massachusetts Institute of Technology",
    shortName: "MIT",
    websiteUrl: "https://www.mit.edu",
  });

  const disruption = await createSeries(db, {
    slug: "navigating-a-world-of-disruption",
    title: "Navigating a World of Disruption",
    description:
      "Global webinars on how people, cities and institutions respond to the pandemic: social and cultural, public health, public transportation, urban planning and design.",
    translations: SERIES_TEXTS.disruption,
  });
  const jointWebinars = await createSeries(db, {
    slug: "hkust-kth-joint-webinars",
    title: "HKUST × KTH Joint Webinars",
    description:
      "Joint webinars of the KTH–HKUST strategic partnership: researchers from Stockholm and Hong Kong on the questions both cities face.",
    translations: SERIES_TEXTS.jointWebinars,
  });
  const alliance = await createSeries(db, {
    slug: "hkust-mit-alliance-forum",
    title: "HKUST–MIT Alliance Forum",
    description:
      "Talks from the HKUST-MIT alliance on research for Intelligent Living, from the Internet of Things to biomedical systems.",
    translations: SERIES_TEXTS.alliance,
  });

  // Demo speakers get addresses at a reserved demo domain, so a new organizer can try
  // speaker invitations at once (the mail lands in the built-in mailbox).
  const hkustPerson = (slug: string, name: string, position: string) =>
    createPerson(db, { slug, honorific: "Prof.", name, position, affiliation: "HKUST", homeZone: HONG_KONG, email: `${slug}@speakers.podium.demo`, translations: POSITION_TEXTS[slug] });
  const kthPerson = (slug: string, name: string, position: string) =>
    createPerson(db, { slug, honorific: "Prof.", name, position, affiliation: "KTH", homeZone: STOCKHOLM, email: `${slug}@speakers.podium.demo`, translations: POSITION_TEXTS[slug] });

  const kingChow = await hkustPerson(
    "king-chow",
    "King CHOW",
    "Acting Dean of Students; Director, Interdisciplinary Programs Office",
  );
  const stefanOstlund = await kthPerson("stefan-ostlund", "Stefan ÖSTLUND", "Vice President for Global Relations");
  const donaldLow = await hkustPerson(
    "donald-low",
    "Donald LOW",
    "Professor of Practice, Division of Public Policy; Director, Leadership and Public Policy Executive Education",
  );
  const erikJenelius = await kthPerson("erik-jenelius", "Erik JENELIUS", "Associate Professor, Division of Transport Planning");
  const zhiNing = await hkustPerson("zhi-ning", "Zhi NING", "Associate Professor, Division of Environment & Sustainability");
  const annLegeby = await kthPerson("ann-legeby", "Ann LEGEBY", "Professor, Department of Architecture");
  const naubaharSharif = await hkustPerson(
    "naubahar-sharif",
    "Naubahar SHARIF",
    "Associate Professor, Division of Public Policy; Professor, Division of Social Science",
  );

  // The two published webinars, times exactly as their pages state them.
  const covidStart = at("2020-12-03", "10:00", STOCKHOLM);
  await createEvent(db, {
    slug: "responding-to-covid-19",
    title:
      "Responding to COVID-19: A Life Science Perspective Regarding Diagnosis, Mass Testing and Vaccine Development",
    summary: "HKUST x KTH Royal Institute of Technology Joint Webinar",
    descriptionMd: COVID_DESCRIPTION,
    seriesId: jointWebinars.id,
    startsAt: covidStart,
    endsAt: at("2020-12-03", "11:15", STOCKHOLM),
    homeZone: STOCKHOLM,
    displayZones: [STOCKHOLM, HONG_KONG],
    hosts: [{ organization: hkust }, { organization: kth, role: "co_host" }],
    translations: COVID_TEXTS.event,
    agenda: withSegmentTexts(
      [
        { kind: "panel", title: "Panel session", startsAt: covidStart, endsAt: null },
        { kind: "qa", title: "Interactive discussion with the audience" },
      ],
      COVID_TEXTS,
    ),
    recordings: [{ label: "Watch the recording", url: "https://video.podium.example/hkust-kth/2020-12-03-responding-to-covid-19" }],
  });

  await createEvent(db, {
    slug: "biases-norms-and-culture",
    title: "Biases, Norms and Culture: A Framework for Understanding Our Responses to a Pandemic",
    summary: "Partnership for a Joint Webinar on Innovation & Research - Navigating the World of Disruption 2020",
    descriptionMd: BIASES_DESCRIPTION,
    seriesId: disruption.id,
    startsAt: at("2020-06-23", "16:30", HONG_KONG),
    endsAt: at("2020-06-23", "17:45", HONG_KONG),
    homeZone: HONG_KONG,
    displayZones: [HONG_KONG, STOCKHOLM],
    hosts: [{ organization: hkust }, { organization: kth, role: "partner" }],
    translations: BIASES_TEXTS.event,
    agenda: withSegmentTexts([
      {
        kind: "opening_remarks",
        title: "Opening Remarks",
        roles: [
          { person: kingChow, role: "speaker" },
          { person: stefanOstlund, role: "speaker" },
        ],
      },
      { kind: "talk", title: "Behavioural Biases and Our Responses to Pandemics", roles: [{ person: donaldLow, role: "speaker" }] },
      { kind: "talk", title: "Impact of COVID-19 on Public Transport Use in Stockholm", roles: [{ person: erikJenelius, role: "speaker" }] },
      {
        kind: "talk",
        title: "Science of SARS-CoV-2 Transmission and Measures for Public Health Protection in the New Norms During Pandemic",
        roles: [{ person: zhiNing, role: "speaker" }],
      },
      {
        kind: "talk",
        title: "How the Corona Pandemic Changes Our Habits of How We Use the City and Public Space",
        roles: [{ person: annLegeby, role: "speaker" }],
      },
      { kind: "panel", title: "Panel discussion", roles: [{ person: naubaharSharif, role: "moderator" }] },
    ], BIASES_TEXTS),
    recordings: [{ label: "Watch the recording", url: "https://video.podium.example/hkust-kth/2020-06-23-biases-norms-and-culture" }],
  });

  // Upcoming demo events, built on the collaborations the partnership pages name.
  const luo = await hkustPerson("zhengtang-luo", "Zhengtang LUO", "Professor, Department of Chemical and Biological Engineering");
  const lagergren = await kthPerson("carina-lagergren", "Carina LAGERGREN", "Professor, Applied Electrochemistry");
  const grapheneDay = dateFromNow(now, 9);
  const grapheneStart = at(grapheneDay, "10:00", STOCKHOLM);
  await createEvent(db, {
    slug: "graphene-membranes-for-clean-energy",
    title: "Graphene Membranes for Clean Energy",
    summary: "HKUST × KTH Joint Webinar on materials for fuel cells and electrolysers",
    descriptionMd:
      "Researchers from **HKUST** and **KTH** who have worked together on graphene membranes discuss what thin carbon can do for fuel cells, electrolysers and water treatment.\n\nThe talks are followed by a moderated discussion and questions from the audience.",
    seriesId: jointWebinars.id,
    startsAt: grapheneStart,
    endsAt: minutesAfter(grapheneStart, 75),
    homeZone: STOCKHOLM,
    displayZones: [STOCKHOLM, HONG_KONG],
    capacity: 50,
    hosts: [{ organization: kth }, { organization: hkust, role: "co_host" }],
    translations: GRAPHENE_TEXTS.event,
    questions: [
      { kind: "single_choice", label: "Where do you work?", required: true, options: ["University", "Industry", "Government", "Other"], translations: GRAPHENE_TEXTS.questions[0] },
      { kind: "long_text", label: "A question for the panel", translations: GRAPHENE_TEXTS.questions[1] },
      { kind: "checkbox", label: "Send me news of future HKUST × KTH webinars", translations: GRAPHENE_TEXTS.questions[2] },
    ],
    agenda: withSegmentTexts([
      { kind: "opening_remarks", title: "Welcome", startsAt: grapheneStart, endsAt: minutesAfter(grapheneStart, 5), roles: [{ person: stefanOstlund, role: "host" }] },
      { kind: "talk", title: "Making graphene membranes at scale", startsAt: minutesAfter(grapheneStart, 5), endsAt: minutesAfter(grapheneStart, 25), roles: [{ person: luo, role: "speaker" }] },
      { kind: "talk", title: "Membranes in the electrochemistry lab", startsAt: minutesAfter(grapheneStart, 25), endsAt: minutesAfter(grapheneStart, 45), roles: [{ person: lagergren, role: "speaker" }] },
      {
        kind: "panel",
        title: "Panel discussion and Q&A",
        startsAt: minutesAfter(grapheneStart, 45),
        endsAt: minutesAfter(grapheneStart, 75),
        roles: [
          { person: naubaharSharif, role: "moderator" },
          { person: luo, role: "panelist" },
          { person: lagergren, role: "panelist" },
        ],
      },
    ], GRAPHENE_TEXTS),
  });

  const wang = await hkustPerson("michael-wang", "Michael WANG", "Professor, Department of Mechanical and Aerospace Engineering");
  const kragic = await kthPerson("danica-kragic", "Danica KRAGIC", "Professor, Division of Robotics, Perception and Learning");
  const roboticsDay = dateFromNow(now, 23);
  const roboticsStart = at(roboticsDay, "09:00", STOCKHOLM);
  await createEvent(db, {
    slug: "robotic-manipulation",
    title: "Robotic Manipulation: Representation and Optimization",
    summary: "HKUST × KTH Joint Webinar from the jointly funded RoMRO project",
    descriptionMd:
      "How should a robot represent the objects it handles? Two research groups funded jointly by the partnership compare notes on grasping, planning and learning.",
    seriesId: jointWebinars.id,
    startsAt: roboticsStart,
    endsAt: minutesAfter(roboticsStart, 60),
    homeZone: STOCKHOLM,
    displayZones: [STOCKHOLM, HONG_KONG],
    capacity: 200,
    hosts: [{ organization: hkust }, { organization: kth, role: "co_host" }],
    translations: ROBOTICS_TEXTS.event,
    agenda: withSegmentTexts([
      { kind: "talk", title: "Optimization for dexterous grasping", startsAt: roboticsStart, endsAt: minutesAfter(roboticsStart, 20), roles: [{ person: wang, role: "speaker" }] },
      { kind: "talk", title: "Representations robots can learn from", startsAt: minutesAfter(roboticsStart, 20), endsAt: minutesAfter(roboticsStart, 40), roles: [{ person: kragic, role: "speaker" }] },
      { kind: "qa", title: "Questions from the audience", startsAt: minutesAfter(roboticsStart, 40), endsAt: minutesAfter(roboticsStart, 60) },
    ], ROBOTICS_TEXTS),
  });

  // An evening in Boston is the next morning in Hong Kong: the page shows "+1 day".
  const iotDay = dateFromNow(now, 16);
  const iotStart = at(iotDay, "20:00", NEW_YORK);
  await createEvent(db, {
    slug: "iot-for-intelligent-buildings",
    title: "Internet of Things for Intelligent Buildings and Transportation",
    summary: "HKUST–MIT Alliance cluster showcase",
    descriptionMd:
      "The alliance's IoT cluster presents its projects on intelligent buildings and transportation, supported by sponsoring companies in Hong Kong. A conversation on moving pre-competitive research into practice follows.",
    seriesId: alliance.id,
    startsAt: iotStart,
    endsAt: minutesAfter(iotStart, 90),
    homeZone: NEW_YORK,
    displayZones: [NEW_YORK, HONG_KONG],
    capacity: 100,
    hosts: [{ organization: mit }, { organization: hkust, role: "co_host" }],
    translations: IOT_TEXTS.event,
    agenda: withSegmentTexts(
      [
        { kind: "opening_remarks", title: "Opening remarks", startsAt: iotStart, endsAt: minutesAfter(iotStart, 10) },
        { kind: "panel", title: "Cluster showcase and discussion", startsAt: minutesAfter(iotStart, 10), endsAt: minutesAfter(iotStart, 90) },
      ],
      IOT_TEXTS,
    ),
  });

  const [{ total }] = (await db.select({ total: count() }).from(events)) as [{ total: number }];
  return { events: total };
}

/** Seeds only a database with no events yet, so restarts never duplicate demo data. */
export async function seedDemoDataIfEmpty(db: Database, now: Date = new Date()): Promise<{ events: number } | null> {
  return db.transaction(async (tx) => {
    // Two processes starting together against one PostgreSQL must not both seed.
    await tx.execute(SEED_LOCK);
    const [{ existing }] = (await tx.select({ existing: count() }).from(events)) as [{ existing: number }];
    if (existing > 0) return null;
    return seedDemoData(tx, now);
  });
}
