/**
 * The message table: every sentence tiegraph shows about introduction paths,
 * souring relationships and the weekly plan, keyed by code. Only the formatter reads it, so a
 * translation replaces this table and nothing else.
 *
 * Placeholders: `{name}` inserts a value; `{n#day}` inserts the number n
 * with the noun in the right number ("1 day", "21 days"), from {@link NOUNS}.
 */
import { TiegraphError } from "../errors.js";

/**
 * Singular and plural of the nouns counted in messages.
 *
 * @example NOUNS.day // ["day", "days"]: "{n#day}" reads "1 day", "2 days"
 */
export const NOUNS: Readonly<Record<string, readonly [string, string]>> = {
  day: ["day", "days"],
  hop: ["hop", "hops"],
  path: ["path", "paths"],
  meeting: ["meeting", "meetings"],
  "tie strength": ["tie strength", "tie strengths"],
  more: ["more", "more"],
};

/**
 * English messages by code: the table a translation replaces.
 *
 * @example MESSAGES["hop.when"] // "last contact {date} ({days#day} ago)"
 */
export const MESSAGES = {
  // --- introduction answers: summaries
  "summary.self.you": "You are the person to reach: there is nobody to be introduced to.",
  "summary.self": "{from} is the person to reach: there is nobody to be introduced to.",
  "summary.found.reliable": "{count#path} from {from} to {target}{limit}; the best, #1, holds with chance {chance}.",
  "summary.found.widest": "{count#path} from {from} to {target}{limit}; the best, #1, has a weakest tie of {weakest}.",
  "summary.direct.you": "You already know {list} directly.",
  "summary.direct": "{from} already knows {list} directly.",
  "summary.direct.item": "{name} (strength {strength}{last})",
  "summary.direct.last": ", last contact {date}",
  "summary.direct.rest": "{list} and {count#more}",
  "summary.none": "No path from {from} to {target}{limit}.",
  "summary.none.closest": "Closest: {list}.",
  "summary.none.closest.item": "{name} ({hops#hop})",
  "summary.none.unreachable": "Nobody of {group} is reachable from {from} at all.",
  "summary.empty": "Nobody other than {from} is {where} on {date}, or everyone there is avoided.",
  "limit.hops": " within {hops#hop}",
  "limit.none": "",
  "target.person": "{name}",
  "target.organisation": "anyone at {name}",
  "target.tag": 'anyone among the people tagged "{tag}"',
  "where.organisation": "at {name}",
  "where.tag": 'among the people tagged "{tag}"',
  "where.person": "at {name}",
  "group.tag": 'the people tagged "{tag}"',

  // --- one path
  "path.title": "#{rank} {chain}: the chain holds with chance {chance} (product of {hops#tie strength}); weakest tie {weakest} ({a} – {b}).",
  "hop.withheld": "{a} – {b}: strength {strength}, known only from exchanges in confidence (details withheld).",
  "hop.line": "{a} – {b}: strength {strength}, {when}; {balance}.",
  "hop.when": "last contact {date} ({days#day} ago)",
  "hop.when.today": "last contact {date} (the reference day)",
  "hop.when.none": "no contact on record to show",
  "hop.gave": "{from} gave {given}, received {received}",
  "hop.owed": "{to} owes {from} ({gave})",
  "hop.owed.you": "{to} owes you ({gave})",
  "hop.owed.souring": "{to} owes {from}, enough to sour the tie ({why})",
  "hop.owed.souring.you": "{to} owes you, enough to sour the tie ({why})",
  "hop.owing": "{from} owes {to} ({gave})",
  "hop.owing.you": "you owe {to} ({gave})",
  "hop.souring": "souring, one-sided giving: {from} owes {to} ({why})",
  "hop.souring.you": "souring, one-sided giving: you owe {to} ({why})",
  "hop.balanced": "in balance ({gave})",
  "hop.nothing": "no favours either way",

  // --- why a path ranked where it did
  "rank.most-reliable": "Ranked #1: the most reliable chain{limit}",
  "rank.strongest-weakest": "Ranked #1: its weakest tie ({weakest}) is the strongest weakest tie of any path{limit}",
  "rank.first-after-asking": "Ranked #1 with the first hop weighed by whom you would ask ({score})",
  "rank.below.reliable": "Ranked #{rank}: chance {score}, below #{above}'s {aboveScore}",
  "rank.below.widest": "Ranked #{rank}: weakest tie {score}, below #{above}'s {aboveScore}",
  "rank.below-weighted.reliable": "Ranked #{rank}: {score} with the first hop weighed, below #{above}'s {aboveScore}",
  "rank.below-weighted.widest": "Ranked #{rank}: weakest tie {score} with the first hop weighed, below #{above}'s {aboveScore}",
  "rank.same-weakest": "Ranked #{rank}: same weakest tie as #{above} ({weakest}), lower chance {chance} against {aboveChance}",
  "rank.reordered.reliable": "#{over} is more reliable (chance {overValue} against {value}), but {overStanding}; {standing}",
  "rank.reordered.widest": "#{over} has a stronger weakest tie ({overValue} against {value}), but {overStanding}; {standing}",
  "rank.ask.discount": "the first hop counts ×{factor} because {standing}",
  "rank.ask.owed": "{standing}, a good person to ask",
  "rank.ask.balanced": "{standing}, so asking costs nothing extra",
  "standing.owed": "{person} owes {from}",
  "standing.owed.you": "{person} owes you",
  "standing.owing": "{from} owes {person}",
  "standing.owing.you": "you owe {person}",
  "standing.balanced": "{from} and {person} are in balance",
  "standing.balanced.you": "you and {person} are in balance",
  "standing.souring": "the tie with {person} is souring",

  // --- why a relationship is souring (wording/souring-text.ts), from the reader's side
  "souring.imbalance": "over the last {window#day} you gave {given} and received {received} (imbalance {imbalance}, limit ±{threshold})",
  "souring.streak.given": "the last {count} giving exchanges all went from you to them",
  "souring.streak.received": "the last {count} giving exchanges all went from them to you",
  "souring.favour.given": "a favour you did for them on {date} is unreturned after {days#day}",
  "souring.favour.received": "a favour they did for you on {date} is unreturned after {days#day}",
  "souring.introduction.given": "an introduction you made for them on {date} is unreturned after {days#day}",
  "souring.introduction.received": "an introduction they made for you on {date} is unreturned after {days#day}",

  // --- nearest people when nothing is in reach
  "nearest.line": "{who} is {hops#hop} away, {where}: {chain}.",
  "nearest.who.at": "{name} ({organisation})",
  "nearest.who.with": "{name} (at {organisation} with {target})",
  "nearest.within": "within the limit",
  "nearest.beyond": "beyond the limit of {limit}",

  // --- the weekly plan
  "plan.owe": "You owe them: they gave you {received} and you gave {given} (recency-weighted; a tip is 1, a favour 3): repay before you ask.",
  "plan.owe.souring": "You owe them: they gave you {received} and you gave {given} (recency-weighted; a tip is 1, a favour 3), and the relationship is souring: repay before you ask.",
  "plan.overdue": "Overdue by {days#day} ({cadence}; last touch {last}).",
  "plan.dormant": "Dormant tie worth reconnecting: once strong (peak strength {peak}), silent for {days#day} since {last}. Reconnected dormant ties bring fresh knowledge (Levin, Walter & Murnighan 2011).",
  "plan.external": "External contact: {share} of your ties are outside your organisation, below your {target} target.",
  "plan.target.member": "Works at {organisation}, the organisation you want to reach (tie strength {strength}).",
  "plan.target.via": "Leads toward {organisation}: can introduce you to {reach} (you → {chain}; the chain holds with chance {chance}).",
  "plan.due": "Due {date} ({cadence}; last touch {last}).",
  "plan.due.overdue": "Overdue by {days#day} ({cadence}; last touch {last}).",
  "plan.due.never": "Not met yet: {cadence}.",
  "plan.last.never": "never",
  "cadence.person": "you want to see them every {days#day}",
  "cadence.tag": "tagged {tag}: every {days#day}",
  "cadence.tier": "{tier} tie: every {days#day}",
  "offer.ask-needs": "Ask what they are after: nothing is recorded about what they need.",
  "offer.no-match": "They are after {interests}; you hold nothing on it yet: ask who could help, or what else they need.",
  "offer.list": "Offer: {topics}",
  "plan.title": "{format} with {name}",
  "plan.head": "Week of {week}{search}: {count#meeting}, {used} of {budget}.",
  "plan.head.search": " (job search: double budget)",
  "plan.external-share": "External share of your ties: {share} (target {target}).",
  "plan.external-share.none": "no ties yet",
  "plan.empty": "Nobody is due this week.",
  "plan.no-slot": "no free slot",
  // --- introduction requests (wording/request-message.ts)
  "plan.request-waiting": "An introduction request waiting: {request}, asked {age#day} ago, at {step}; next: {next}.",
  "plan.request-waiting.stalled": "An introduction request waiting: {request}, asked {age#day} ago, at {step}, stalled: time for a nudge ({next}).",
  "request.next.asked": "the connector answers",
  "request.next.connector-agreed": "the target answers the connector",
  "request.next.target-agreed": "the connector introduces you",
  "request.next.introduced": "meet them",
  "request.next.met": "thank the connector",
  "request.next.closed": "nothing: the request is closed",
  "request.waiting.connector": "waiting on the connector",
  "request.waiting.target": "waiting on the target's answer",
  "request.waiting.you": "your move",
  "request.target.person": "{name}",
  "request.target.person.at": "{name} ({organisation})",
  "request.target.someone": "someone at {organisation}",
  "request.target.introduced": "{name} at {organisation}",
  "request.list.line": "{request}  {step} {date}  to {target} via {connector}  ({status})",
  "request.list.status": "{status}: {waiting}",
  "request.list.empty": "No introduction requests.",
  "request.open.head": "Introduction requests open on {date}:",
  "as-of.today": "Figures as of today, {date}.",
  "as-of.day": "Figures as of {date} (today is {today}).",
  "request.open.line": "- {request}: to {target} via {connector}, asked {age#day} ago; {step} {date}, next: {next}",
  "request.open.stalled": " (stalled: no step for {days#day}, time for a nudge)",
  "request.step": "{request}: {step} on {date}",
  "request.recorded.introduction": "recorded in the ledger: {from} introduced {to} to {introduced} ({id})",
  "request.recorded.meeting": "recorded in the ledger: {from} met {to} ({id})",
  "request.recorded.gift": "recorded in the ledger: a {kind} from {from} to {to} ({id})",
  "request.message.greeting": "Hi {connector},",
  "request.message.ask": "Could you introduce me to {target}?",
  "request.message.why": " I am hoping for {why}.",
  "request.message.offer": " In return I could offer {offer}.",
  "request.message.opt-in.person": "Only if {target} would welcome it: could you check with them first? If it does not suit {target}, no harm done.",
  "request.message.opt-in.organisation": "Only if they would welcome it: could you check with whoever you have in mind at {organisation} first? If it does not suit them, no harm done.",
  "request.message.thanks": "Thank you,",
} as const;

/** A message code. */
export type MessageCode = keyof typeof MESSAGES;

/** Values a message may insert. */
export type MessageValues = Readonly<Record<string, string | number>>;

/**
 * Fills a message's placeholders: `{name}` with the value, `{n#noun}` with the
 * count and the noun in the right number.
 *
 * @example
 * ```ts
 * message("hop.when", { date: "2026-09-29", days: 1 }); // "last contact 2026-09-29 (1 day ago)"
 * ```
 */
export function message(code: MessageCode, values: MessageValues = {}): string {
  return MESSAGES[code].replace(/\{([^}#]+)(?:#([^}]+))?\}/g, (_all, key: string, noun: string | undefined) => {
    const value = values[key];
    if (value === undefined) throw new TiegraphError("tiegraph/wording", "invalid-option", `message ${code} needs a value for ${key}`, { record: `message ${code}`, expected: `a value for ${key}` });
    if (noun === undefined) return String(value);
    const forms = NOUNS[noun];
    if (!forms) throw new TiegraphError("tiegraph/wording", "invalid-option", `message ${code} counts an unknown noun ${noun}`, { record: `message ${code}`, expected: "a noun of NOUNS" });
    return `${value} ${value === 1 ? forms[0] : forms[1]}`;
  });
}
