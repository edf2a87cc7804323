// The English message catalog: the words of every message the core returns (see core/message.ts).

import type { CentsRange, PackageMix } from '../core/estimate-types.js';
import { flagName, formatRange } from '../core/fields.js';
import type { BillRun, End } from '../core/message.js';
import { formatPercent, formatUsd, formatUsdRange } from '../core/money.js';
import type { InsuranceStatus } from '../core/types.js';
import { type Language, type MessageWords, plural, quote, type Say, sayWith } from './catalog.js';
import { EN_VIEW } from './en-view.js';
import { CASE_TITLES, describeFinancing } from './en-words.js';
import { EN_ERRORS } from './errors-en.js';
import { EN_HELP } from './help-en.js';
import { shortLabel } from './view.js';

const usd = formatUsd;
const range = (r: CentsRange) => formatUsdRange(r.lowCents, r.highCents);
const sessions = (low: number, high: number) => `${formatRange(low, high)} ${high === 1 ? 'session' : 'sessions'}`;
const bills = (run: BillRun, say: Say) =>
  run.last !== null ? `Sessions ${run.first}-${run.last}` : run.name !== null ? say(run.name) : `Session ${run.first}`;
/** "every week", "every 2 weeks" (never "every 1 week"). */
const every = (n: number, unit: string) => (n === 1 ? `every ${unit}` : `every ${plural(n, unit)}`);
const didYouMean = (suggestion: string | null) => (suggestion === null ? '' : ` (did you mean "${suggestion}"?)`);
const statuses = (list: readonly InsuranceStatus[]) =>
  list.length < 3 ? list.join(' or ') : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
const endName = (end: End) => `${end} end`;
/** "8 sessions: one 6-session package at $2,400 and 2 single sessions at $450 = $3,300". */
const mixWords = (count: number, m: PackageMix) => {
  const parts = [
    ...(m.introCents === null ? [] : [`the introductory session at ${usd(m.introCents)}`]),
    ...m.packages.map((p) =>
      p.per === 'month'
        ? `${plural(p.count, 'month')} of the subscription at ${usd(p.cents)} a month (up to ${plural(p.sessions, 'session')} a month)`
        : `${p.count === 1 ? 'one' : p.count} ${p.sessions}-session package${p.count === 1 ? '' : 's'} at ${usd(p.cents)}`,
    ),
    ...(m.singles > 0 ? [`${plural(m.singles, 'single session')} at ${usd(m.singleCents)}`] : []),
  ];
  return `${plural(count, 'session')}: ${parts.join(' and ') || 'none'} = ${usd(m.totalCents)}`;
};

/** English words for every message key. */
export const messages: MessageWords = {
  'data.text': (p) => p.text,
  'data.shortLabel': (p) => shortLabel(p.text),

  'share.inNetwork.step': (p, say) => {
    const parts: string[] = [];
    if (p.allowedCents < p.billedCents)
      parts.push(`the plan allows ${usd(p.allowedCents)} (${usd(p.billedCents - p.allowedCents)} written off, not billed to you)`);
    if (p.toDeductibleCents > 0) parts.push(`${usd(p.toDeductibleCents)} to the deductible`);
    const rest = p.allowedCents - p.toDeductibleCents;
    if (rest > 0)
      parts.push(
        p.coinsuranceBasisPoints === null
          ? `copay ${usd(p.shareCents)}`
          : `${formatPercent(p.coinsuranceBasisPoints)} of ${usd(rest)} = ${usd(p.shareCents)}`,
      );
    if (p.supplementPaidCents > 0) parts.push(`Medigap pays ${usd(p.supplementPaidCents)} of that`);
    if (p.capped) parts.push('capped by the out-of-pocket maximum');
    return `${bills(p.bills, say)} at ${usd(p.billedCents)}: ${parts.join(', then ') || 'nothing'}; you pay ${usd(p.payCents)}${p.each ? ' each' : ''}`;
  },
  'share.inNetwork.total': (p) => {
    const how = p.copayCents === null ? `${formatPercent(p.coinsuranceBasisPoints)} coinsurance` : `${usd(p.copayCents)} copay`;
    const deductible = p.deductibleApplies ? '' : ', deductible does not apply';
    const writtenOff = p.writtenOffCents > 0 ? `; ${usd(p.writtenOffCents)} written off` : '';
    return `Total: you pay ${usd(p.patientCents)} of ${usd(p.billedCents)} billed (${how}${deductible}); the plan pays ${usd(p.planCents)}${writtenOff}`;
  },
  'share.outOfNetwork.step': (p, say) => {
    const allowed = p.billedCents - p.balanceCents;
    const counted = p.balanceCents > 0 ? `the plan allows ${usd(allowed)} (${usd(p.balanceCents)} above it is billed to you), ` : '';
    const deductible = p.toDeductibleCents > 0 ? `${usd(p.toDeductibleCents)} to the deductible, ` : '';
    return `${bills(p.bills, say)} at ${usd(p.billedCents)} paid up front: ${counted}${deductible}${formatPercent(p.reimbursementBasisPoints)} of ${usd(allowed - p.toDeductibleCents)} paid back = ${usd(p.paidBackCents)}${p.each ? ' each' : ''}`;
  },
  'share.outOfNetwork.total': (p) =>
    `Total: ${usd(p.billedCents)} up front, ${usd(p.paidBackCents)} paid back, ${usd(p.billedCents - p.paidBackCents)} net`,
  'share.notCovered': () => 'not covered, so you pay the full price and nothing counts towards the deductible or the out-of-pocket maximum',

  'assume.coverageAuto': (p) =>
    `Coverage not given: both cases are shown; for ${p.route} the usual case is ${p.typicalCovered ? 'covered' : 'not covered'}.`,
  'assume.notCovered': () => 'Not covered (as given): you pay the full price; the deductible, cost sharing and any payback do not apply.',
  'assume.deductible': (p) => `Deductible left this year: ${usd(p.deductibleCents)}.`,
  'assume.deductibleTypical': (p) =>
    `Deductible left this year not given: the low end assumes it is already met ($0), the high end a typical full deductible of ${usd(p.typicalCents)} (average for single coverage in employer plans), so the plan may pay more at the low end. Give --deductible for yours.`,
  'assume.deductibleMet': () =>
    'Deductible left this year not given, and the price list has no typical figure: assumed already met ($0). Give --deductible for yours.',
  'assume.allowedInNetwork': () =>
    "Your share is counted on the clinic's price shown here; a plan counts it on its own allowed amount, which may be lower.",
  'assume.copay': (p) => `Copay: ${usd(p.copayCents)} per session after the deductible.`,
  'assume.coinsuranceDefault': (p) =>
    `Coinsurance not given: assumed ${formatPercent(p.coinsuranceBasisPoints)}, the figure a marketplace glossary uses in its example; give --coinsurance for yours.`,
  'assume.coinsurance': (p) => `Coinsurance: ${formatPercent(p.coinsuranceBasisPoints)}.`,
  'assume.oopMax': (p) =>
    p.oopMaxCents === null
      ? 'Out-of-pocket maximum left: not given, so no cap is applied.'
      : `Out-of-pocket maximum left this year: ${usd(p.oopMaxCents)}.`,
  'assume.reimbursement': (p) =>
    `Out of network: the plan pays back ${formatPercent(p.reimbursementBasisPoints)} of what lies above the deductible${p.given ? '' : ' (no reimbursement given)'}.`,
  'assume.allowedOutOfNetwork': (p) =>
    p.allowedCents === null
      ? "Allowed amount not given: the payback is counted on the clinic's price, an upper bound."
      : `The plan's allowed amount per visit: ${usd(p.allowedCents)}; what the clinic charges above it is billed to you.`,

  'assume.allowedGiven': (p) =>
    `The plan's allowed amount per visit: ${usd(p.allowedCents)}; your share is counted on it, and what the clinic charges above it is written off, not billed to you.`,
  'assume.familyDeductible': (p) =>
    p.individualCents === null
      ? `Family deductible left this year: ${usd(p.familyCents)} (one amount for the whole family).`
      : `Deductible left this year: ${usd(p.individualCents)} for you, ${usd(p.familyCents)} for the family; yours is met when either runs out, so ${usd(p.leftCents)} is counted.`,
  'assume.familyOopMax': (p) =>
    p.individualCents === null
      ? `Family out-of-pocket maximum left this year: ${usd(p.familyCents)}.`
      : `Out-of-pocket maximum left this year: ${usd(p.individualCents)} for you, ${usd(p.familyCents)} for the family; the lesser, ${usd(p.leftCents)}, caps what you pay.`,
  'assume.deductibleDoesNotApply': () =>
    'The deductible does not apply to these visits (as given): you pay the copay or coinsurance from the first visit.',
  'assume.medicareDeductible': (p) =>
    `Part B deductible left this year not given: the low end assumes it is already met ($0), the high end the full ${p.year} Part B deductible of ${usd(p.deductibleCents)}. Give --deductible for yours.`,
  'assume.medicareCoinsurance': (p) =>
    `After the deductible, Original Medicare leaves you ${formatPercent(p.coinsuranceBasisPoints)} of the Medicare-approved amount.`,
  'assume.medicareNoOopLimit': () => 'Original Medicare has no yearly limit on what you pay: nothing caps the total.',
  'assume.medicareApproved': (p) =>
    `Medicare-approved amount per session not given: ${usd(p.allowedCents)} (HCPCS billing code ${p.code}, the ${p.year} national average a billing firm reports; it varies by region). Give --allowed for yours.`,
  'assume.medicareApprovedGiven': (p) => `Medicare-approved amount per session: ${usd(p.allowedCents)} (as given).`,
  'assume.medicareApprovedUnknown': () =>
    "The price list has no Medicare-approved amount for this session: your 20% is counted on the clinic's price.",
  'assume.medigap': (p) => {
    const deductible = p.paysDeductible ? 'pays the Part B deductible' : 'does not pay the Part B deductible';
    const share =
      p.officeCopayCents !== null
        ? `pays the 20% except a copay of up to ${usd(p.officeCopayCents)} for some office visits (counted as ${usd(p.officeCopayCents)} a visit)`
        : p.coinsuranceBasisPoints === 10_000
          ? 'pays the 20%'
          : `pays ${formatPercent(p.coinsuranceBasisPoints)} of the 20%`;
    const limit = p.oopLimitCents === null ? '' : `, and all of it once you have paid ${usd(p.oopLimitCents)} in ${p.year}`;
    return `Medigap Plan ${p.letter} ${deductible} and ${share}${limit}.`;
  },
  'assume.medicareAdvantageOopMax': (p) =>
    `Out-of-pocket maximum not given: the ${p.year} federal limit for a Medicare Advantage plan in network, ${usd(p.oopMaxCents)}, is assumed; your plan's may be lower. Give --oop-max for yours.`,
  'assume.medicaidNoDeductible': () => 'Medicaid: no deductible is counted; what you pay, if anything, is a small copay your state sets.',
  'assume.medicaidCopayUnknown': () =>
    'Medicaid copay not given: shown as $0; your state may charge a small copay per visit. Give --copay if you know it.',
  'note.medicareLesserOf': () =>
    "Medicare pays on the lesser of the clinic's charge and the Medicare-approved amount; a clinic that accepts assignment cannot bill you for more.",
  'note.limitingCharge': (p) =>
    `A clinic that does not accept assignment may charge up to ${formatPercent(p.basisPoints)} above the approved amount (the limiting charge): up to ${usd(p.limitCents)} more a session at ${usd(p.allowedCents)}, which you would pay too.`,
  'note.medicareNotCovered': (p) =>
    `${p.route} has no Medicare coverage policy for depression, so Original Medicare usually does not pay for it: you pay the clinic's price.`,
  'note.paybackUpperBound': () =>
    "The payback shown is an upper bound: the plan pays its share of its own allowed amount, not of the clinic's price, and the clinic may bill you the difference (balance billing). Ask your plan for its allowed amount and give --allowed.",
  'note.superbill': () =>
    'If your plan covers it, ask your insurer before you start how to claim the reimbursement, and ask the provider for an itemised receipt (superbill).',
  'note.goodFaithEstimate': (p) =>
    `${p.selfPay ? 'Paying for yourself' : 'If you pay for it yourself (your plan does not cover it)'}: the provider owes you a written Good Faith Estimate before treatment, and a bill that comes in at least ${usd(p.disputeCents)} above it can be disputed.`,
  'note.itemExcluded': (p) => `${p.label}: left out with --exclude.`,
  'note.itemNotPriced': (p) => `${p.label}: not priced (${p.why ?? 'ask the provider'}).`,
  'note.firstSession': (p) =>
    `Session 1 is priced at ${p.doseMg} mg (${p.devices} devices), the label's starting dose${p.laterDoseMg === null ? '' : `; ${p.laterDoseMg} mg only from session 2`}.`,
  'note.packageMix': (p) =>
    p.low.totalCents === p.high.totalCents && p.count.low === p.count.high
      ? `Priced at the cheapest mix: ${mixWords(p.count.low, p.low)}.`
      : `Priced at the cheapest mix: at the low end ${mixWords(p.count.low, p.low)}; at the high end ${mixWords(p.count.high, p.high)}.`,
  'note.quoteVsPublished': (p) =>
    `Your quote, ${usd(p.priceCents)} a session, is ${p.position === 'within' ? 'within' : p.position} the published range of ${range(p.published)} for the same session.`,
  'note.savingsGovernmentPlans': () =>
    'Government plans (Medicare, Medicaid, TRICARE, Department of Defense, VA) could not use it under its earlier terms; check the current ones.',

  'price.perSession': (p) => `Per session: ${range(p.perSession)} for ${p.route} ${p.provider}`,
  'price.perUnit': (p) => `Price per ${p.per}: ${range(p.unit)}`,
  'price.doseDevices': (p) =>
    `The ${p.doseMg} mg dose uses ${p.devices} devices: ${p.devices} x ${range(p.unit)} = ${range(p.perSession)} per session`,
  'price.firstSession': (p) =>
    `Session 1 is at the ${p.doseMg} mg starting dose: ${p.devices} x ${range(p.unit)} = ${range(p.first)}; ${p.laterDoseMg} mg from session 2`,
  'price.program': (p) => {
    const sum = p.firstCents === null ? `${p.count} x ${usd(p.eachCents)}` : `${usd(p.firstCents)} + ${p.count - 1} x ${usd(p.eachCents)}`;
    return `Program, ${endName(p.end)}: ${sum} = ${usd(p.totalCents)}`;
  },
  'price.itemEnd': (p) =>
    `${p.label}, ${endName(p.end)}: ${usd(p.cents)}${p.charge === 'once' ? ' once' : ' per session'}${p.thirdParty ? ' (third-party figure)' : ''}`,
  'price.item': (p) =>
    `${p.label}: ${range(p.unit)}${p.charge === 'once' ? ' once' : ' per session'}${p.thirdParty ? ' (third-party figure)' : ''}`,
  'price.mix': (p) => `Program, ${endName(p.end)}: ${mixWords(p.count, p.mix)}`,
  'price.allIn': (p) => `All-in: ${range(p.program)} for the treatment + ${p.extras.map(range).join(' + ')} = ${range(p.allIn)}`,
  'sessions.given': (p) => `${plural(p.count, 'session')}, as given`,
  'sessions.givenStep': (p) => `Sessions: ${p.count}, as given`,
  'sessions.weeks': (p) => `${formatRange(p.low, p.high)} sessions over ${plural(p.weeks, 'week')} (${p.schedule})`,
  'sessions.weeksStep': (p) => `Sessions over ${p.weeks} weeks: ${formatRange(p.low, p.high)}`,
  'sessions.typical': (p) => `${formatRange(p.low, p.high)} sessions, the typical program: ${p.program}`,
  'sessions.typicalStep': (p) => `Sessions: ${formatRange(p.low, p.high)}, the typical program (${p.program})`,
  'schedule.phase': (p) => {
    const span = p.toWeek - p.fromWeek + 1;
    const label = p.fromWeek === p.toWeek ? `Week ${p.fromWeek}` : `Weeks ${p.fromWeek}-${p.toWeek}`;
    const how = p.perWeek
      ? `${formatRange(p.perWeek.low, p.perWeek.high)} a week x ${plural(span, 'week')}`
      : `one every ${formatRange(p.everyWeeks?.low ?? 0, p.everyWeeks?.high ?? 0)} weeks over ${plural(span, 'week')}`;
    return `${label}: ${how} = ${sessions(p.low, p.high)}`;
  },
  'item.drug': (p) => `${p.route}: the drug, ${p.devices} devices of 28 mg per session`,
  'item.treatment': (p) => `${p.route} ${p.provider}`,
  'item.firstSessionNote': (p) => `session 1 at ${p.doseMg} mg (${p.devices} devices)`,
  'item.excluded': () => 'left out with --exclude',
  'explain.caseStep': (p, say) => `${CASE_TITLES[p.case]}, ${endName(p.end)}: ${say(p.step)}`,

  'issue.weeksWithSessions': () => 'cannot be given with --sessions; give one of them',
  'issue.noSchedule': (p) =>
    `cannot count sessions for ${p.route}: the price list has no schedule for it; use --sessions (routes with a schedule: ${p.withSchedule.join(', ') || 'none'})`,
  'issue.weeksTooMany': (p) =>
    `${p.weeks} weeks of ${p.route}'s schedule make ${formatRange(p.low, p.high)} sessions; a program has 1 to ${p.max}, so give fewer weeks or --sessions`,
  'issue.weeksBeyondSchedule': (p) =>
    `is ${p.weeks} weeks, longer than the ${p.coversWeeks} weeks the source describes for ${p.route}, so its schedule cannot count them; give at most ${p.coversWeeks}, or --sessions`,
  'issue.routeRequired': (p) => `is required; allowed: ${p.allowed.join(', ')}`,
  'issue.notText': (p) =>
    `is ${{ list: 'a list', object: 'an object', bigint: 'a BigInt', symbol: 'a symbol', boolean: 'true or false', function: 'a function', undefined: 'missing', string: 'text', number: 'a number' }[p.kind]}; give text or a number`,
  'issue.notARoute': (p) => `${quote(p.input)} is not a route${didYouMean(p.suggestion)}; allowed: ${p.allowed.join(', ')}`,
  'issue.providerRequired': (p) =>
    `is required for ${p.route}, which is offered by more than one provider type; allowed: ${p.allowed.join(', ')}`,
  'issue.notAProvider': (p) => `${quote(p.input)} is not a provider type${didYouMean(p.suggestion)}; allowed: ${p.allowed.join(', ')}`,
  'issue.providerNotOffered': (p) =>
    `${quote(p.input)}: ${p.route} is not offered ${p.provider}; allowed for ${p.routeId}: ${p.allowed.join(', ')}`,
  'issue.doseNotApplicable': (p) => `applies only to routes priced by dose (${p.dosed.join(', ')}), not to ${p.route}`,
  'issue.notADose': (p) => `${quote(p.input)} is not a dose of ${p.route}; allowed: ${p.allowed.join(' or ')} (mg)`,
  'issue.notAnInsurance': (p) =>
    `${quote(p.input)} is not an insurance status${didYouMean(p.suggestion)}; allowed: ${p.allowed.join(', ')}`,
  // Said after a flag or a batch column alike ("--deductible ...", "column deductible ..."): no flag named inside.
  'issue.termNotApplicable': (p) => `applies only when insurance is ${statuses(p.statuses)} (it is ${p.status})`,
  'issue.copayWithCoinsurance': () => 'cannot be given with coinsurance; give one of them',
  'issue.notAChoice': (p) => `${quote(p.input)} is not allowed; allowed: ${p.allowed.join(', ')}`,
  'issue.notAnItem': (p) => {
    const of = p.route === null ? '' : ` of ${p.route}`;
    return `${quote(p.input)} is not a line item${of}${didYouMean(p.suggestion)}; allowed${of}: ${p.allowed.join(', ') || 'none'}`;
  },
  'issue.notAWholeNumber': (p) => `${quote(p.input)} is not allowed; use a whole number from ${p.min} to ${p.max}`,
  'issue.notMoney': (p) =>
    `${quote(p.input)} is not an amount of money; use dollars such as 1000, 1000.50 or $1,000.50 (at most two decimals, not negative)`,
  'source.quoteTitle': () => 'Your quote: the prices you gave (--price, --package, --item-price, or the same answers to the questions)',
  'source.quotePublisher': () => 'you or your clinic',
  'issue.negativeMoney': (p) => `${quote(p.input)} is a negative amount; use dollars of zero or more, such as 1000 or $1,000.50`,
  'issue.priceNotPositive': (p) => `${quote(p.input)} is not a price: a quote is more than $0`,
  'issue.notAPackage': (p) =>
    `${quote(p.input)} is not a package; write sessions:dollars, such as 6:2400, or several as 6:2400,8:3000 (a month of a subscription: 4:129/month)`,
  'issue.packageSessions': (p) => `${quote(p.input)} is not a package: it needs 1 to ${p.max} sessions`,
  'issue.notAnItemPrice': (p) => `${quote(p.input)} is not an item price; write item=dollars, such as observation=180,intake=0`,
  'issue.notAPercent': (p) => `${quote(p.input)} is not a percentage; use a number from 0 to 100 with at most two decimals`,
  'issue.payerNotPriced': (p) =>
    `is ${p.status}, but the price list has no ${p.status} figures (deductible, share, limits) to price it with; use the bundled list or add them`,
  'issue.notAMedigapPlan': (p) =>
    p.allowed.length === 0
      ? `${quote(p.input)}: the price list has no Medigap figures`
      : `${quote(p.input)} is not a Medigap plan the price list has ${p.year} figures for; allowed: ${p.allowed.join(', ')}`,
  'issue.percentAsFraction': (p) => `${quote(p.input)} looks like a fraction: for ${p.percent}% write ${p.percent} or ${p.percent}%`,

  'planIssue.notInList': (p) => `is not in the price list: ${p.route}`,
  'planIssue.needsEvery': (p) =>
    `is needed: ${p.route} has no schedule in the price list (its program: ${p.program}); give one, e.g. --every 1w or --every 4d`,
  'planIssue.sessionCount': (p) => `gives ${p.count} sessions; a plan has 1 to 365`,
  'planIssue.medicareCalendarYear': () =>
    'does not apply to Original Medicare: its Part B deductible starts again each 1 January (give 01-01 or leave it out)',
  'planIssue.medicareNoOopMax': () => 'does not apply to Original Medicare, which has no yearly out-of-pocket limit',
  'plan.cadenceEvery': (p) => `one session ${p.everyDays % 7 === 0 ? every(p.everyDays / 7, 'week') : every(p.everyDays, 'day')}`,
  'plan.cadenceSchedule': (p) =>
    `${p.schedule}; where that gives a range, the low end follows the less frequent schedule and the high end the more frequent one; --every changes it`,
  'bill.intake': () => 'Intake visit',
  'plan.payAll': (p) =>
    `${p.end === 'low' ? 'Low' : 'High'} end: you pay every bill in full (${p.selfPay ? 'paying yourself' : 'the plan does not cover it'})`,
  'plan.yearStep': (p, say) => `Plan year ${p.planYear}, ${endName(p.end)}: ${say(p.step)}`,
  'plan.rowStep': (p) =>
    `billed ${range(p.billed)}; you pay ${range(p.patient)}; the plan pays ${range(p.plan)}; paid so far ${range(p.running)}`,
  'plan.monthOfWeeks': (p) => `Month ${p.month} (weeks ${(p.month - 1) * 4 + 1}-${p.month * 4})`,
  'plan.calendarMonth': (p) => p.yearMonth,
  'plan.note.schedule': (p, say) => `Schedule: ${say(p.cadence)}.`,
  'plan.note.noBoosters': () =>
    'Boosters after the program are taken as needed, typically every 2-6 weeks as a clinic describes it; none are planned without --boosters-every <weeks>, which adds them.',
  'plan.note.newPlanYear': () =>
    'A new plan year starts where the schedule says so: the deductible and the out-of-pocket maximum start again.',
  'plan.note.medicareNextYear': (p) =>
    `Later years' Part B deductible is not in the price list: the ${p.year} figure, ${usd(p.deductibleCents)}, stands in for it; give --annual-deductible when it is announced.`,
  'plan.note.upFront': (p) => `Most clinics ask for ${formatRange(p.low, p.high)} sessions' payment before the first session.`,
  'plan.financing': (p) => describeFinancing(p.financing),

  'compare.quoteForWithoutQuote': () => '--quote-for needs the quote: --price, --package or --item-price',
  'compare.quoteNeedsTarget': (p) =>
    `${flagName(p.field)} is a quote for one route; say which with --quote-for <route>, e.g. --quote-for iv (or compare that one option)`,
  'compare.quoteForUnknown': (p) => `--quote-for ${quote(p.input)} is not a route; allowed: ${p.allowed.join(', ')}`,
  'compare.quoteForProvider': (p) =>
    `--quote-for ${quote(p.input)}: ${p.route} is not offered by ${quote(p.provider)}; allowed: ${p.allowed.join(', ')}`,
  'compare.quoteForNotCompared': (p) =>
    `--quote-for ${p.route}: no ${p.route} option is compared; add it (e.g. ${p.route}:6) or quote another`,
  'compare.noSchedule': (p) =>
    p.coversWeeks === null
      ? `no schedule in the dataset to count ${p.weeks} weeks; give --sessions to include it`
      : `its source describes programs of up to ${p.coversWeeks} weeks, not ${p.weeks}; give --sessions to include it`,
  'gfe.notPriced': () => 'not priced',
  'gfe.notPricedOptional': () =>
    'optional and not priced by the clinic, so not in the total; if it is added, you have the right to a new Good Faith Estimate.',
  'gfe.leftOut': () => 'left out on purpose (--exclude), so not in the total',
  'gfe.asScheduled': () => 'as the clinic schedules them',
  'gfe.introSession': (p, say) => `${say(p.treatment)}: introductory session`,
  'gfe.package': (p, say) =>
    p.month
      ? `${say(p.treatment)}: a month of the subscription (up to ${plural(p.sessions, 'session')})`
      : `${say(p.treatment)}: ${p.sessions}-session package`,
  'gfe.firstSession': (p, say) => `${say(p.treatment)}: session 1 at the ${p.doseMg} mg starting dose`,
  'gfeIssue.sessionCount': (p) =>
    `is needed: a Good Faith Estimate gives one expected charge, and the typical program is ${p.low}-${p.high} sessions; give the number scheduled`,
  'gfeIssue.range': () =>
    "is needed: a Good Faith Estimate gives one expected charge, the clinic's own price, not a published range; give --price (and --package, --item-price) or a clinic price list made with `ketamine-cost data init`",
  'gfeIssue.tooLong': (p) =>
    `is ${p.weeks}: one Good Faith Estimate covers at most 12 months (${p.max} weeks); give the first ${p.max} weeks, and issue a new estimate for the rest`,
  'gfeIssue.requiredItem': (p) =>
    `is needed for ${p.id}: every session includes it, so a Good Faith Estimate must price it (give --item-price ${p.id}=<usd>, or put it in the clinic's price list)`,
  'gfeIssue.itemRange': (p) =>
    `is needed for ${p.id}: its price is a published range, and a Good Faith Estimate gives one expected charge; give it with --item-price ${p.id}=<usd> or leave it out with --exclude ${p.id}`,
  'gfe.primaryService': (p) => `${p.route} ${p.provider}, ${sessions(p.low, p.high)}`,
};

/**
 * The issue keys whose English starts with a verb ("is required", "cannot be given", "applies
 * only"): after a flag or a column name they read as one sentence; the others follow a colon.
 */
export const PREDICATE_ISSUES: ReadonlySet<string> = new Set([
  'issue.weeksWithSessions',
  'issue.noSchedule',
  'issue.weeksBeyondSchedule',
  'issue.routeRequired',
  'issue.providerRequired',
  'issue.doseNotApplicable',
  'issue.termNotApplicable',
  'issue.copayWithCoinsurance',
]);

/** Says any core message in English. */
export const say: Say = sayWith(messages);

/** English, as the commands use it. */
export const english: Language = {
  code: 'en',
  say,
  view: EN_VIEW,
  help: EN_HELP,
  errors: EN_ERRORS,
  readsOn: (message) => PREDICATE_ISSUES.has(message.key),
  issueAfter: (name, message) => `${name} ${say(message)}`,
};
