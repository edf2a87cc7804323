// The questions in English (see text/prompt-words.ts): the bytes the questions had before.
import type { PromptWords } from '../text/prompt-words.js';
import { inSentence } from '../text/view.js';

/** English. */
export const EN_PROMPTS: PromptWords = {
  welcome:
    'ketamine-cost estimates what ketamine therapy may cost, from published prices. Nothing you type leaves this computer; Ctrl-C stops.\n\n',
  route: 'How would the ketamine be given?',
  provider: 'Where would you have it?',
  dose: 'Which dose? (your prescriber decides; it changes the price)',
  devicesPerSession: (devices) => `${devices} nasal spray devices per session`,
  sessions: ({ description, typical, single, weeks }) =>
    `How many sessions? (${description}; press Enter for ${single ? typical : 'that range'}${weeks ? ', or a number of weeks such as 8w' : ''})`,
  sessionsRetry: ({ problem, typical, weeks }) => `${problem}${weeks ? '; or a number of weeks such as 8w' : ''}; Enter for ${typical}`,
  hasQuote: 'Do you have a price quote from the clinic? (Enter for no: the published price ranges are used)',
  quotePrice: 'Its price for one session, in dollars? (leave blank if it quoted only packages)',
  quotePackages: 'Packages it offers, as sessions:dollars? (e.g. 6:2400, or 6:2400,8:3000; leave blank for none)',
  insurance: 'Will insurance pay for part of it?',
  usually: (covered) => (covered ? 'usually covered' : 'usually not covered'),
  covered: (route, usual) => `Does your plan cover ${inSentence(route)}? (${usual})`,
  coveredUnknown: 'I don’t know: show both',
  coveredUnknownHelp: (route, usual) =>
    `Shows the cost if covered and if not; ${inSentence(route)} is ${usual}. Call your insurer to be sure.`,
  yes: 'Yes',
  no: 'No',
  medigap: 'Do you have a Medigap (Medicare Supplement) plan? It may pay some of what Medicare leaves you.',
  noMedigap: 'No Medigap plan',
  medigapPlan: (letter) => `Plan ${letter}`,
  deductible: ({ partB, fullCents, fullText, year }) => {
    const unknown =
      fullCents === null
        ? "leave blank if you don't know: the estimate then assumes it is met"
        : `leave blank if you don't know: the estimate then runs from already met ($0) to ${partB ? `the full ${year} Part B deductible` : 'a typical full deductible'} (${fullText})`;
    return `How much of your ${partB ? 'Part B ' : ''}deductible is left this year, in dollars? (the amount you pay in full before the plan starts sharing costs; ${unknown})`;
  },
  reimbursement: 'What share does your plan pay back for out-of-network care, in percent? (often 50-70%; 0 if none)',
  allowed:
    "What does your plan allow for one session, in dollars? (its 'allowed amount'; the clinic may bill you what it charges above it; leave blank if you don't know, and the payback shown is the most it could be)",
  shareKind: 'After the deductible, how does your plan share the cost?',
  coinsuranceChoice: 'A percentage (coinsurance)',
  coinsuranceHelp: 'You pay a share of each bill, for example 20%.',
  copayChoice: 'A flat amount per session (copay)',
  copayHelp: 'You pay the same amount at every session.',
  copay: 'Copay per session, in dollars?',
  coinsurance: 'Your coinsurance, in percent? (your share of each bill after the deductible)',
  medicaidCopay: "Your copay per visit, in dollars? (Medicaid copays are small and set by your state; leave blank if you don't know)",
  oopMax: (limit) =>
    `How much is left of your out-of-pocket maximum this year, in dollars? (the most you pay in a year; leave blank if you don’t know${limit ? `: the ${limit.year} federal limit, ${limit.text}, is used` : ''})`,
  eligibility:
    'Optional: would you like to check the common eligibility notes (reasons a provider may say ketamine is not right for someone, to raise with them)? Not medical advice; nothing you answer changes the estimate.',
  conditions: (intro) => `${intro} Do any of these apply to you? (space to select, Enter when done)`,
  patientName: "Patient's full name (printed on the estimate only)",
  patientDob: "Patient's date of birth (YYYY-MM-DD)",
  keys: null,
};
