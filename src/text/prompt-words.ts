// The words of the questions (#26), one object per language, loaded with the prompts only.

/** The questions' words, for one language. */
export type PromptWords = {
  welcome: string;
  route: string;
  provider: string;
  dose: string;
  devicesPerSession: (devices: number) => string;
  sessions: (p: { description: string; typical: string; single: boolean; weeks: boolean }) => string;
  sessionsRetry: (p: { problem: string; typical: string; weeks: boolean }) => string;
  hasQuote: string;
  quotePrice: string;
  quotePackages: string;
  insurance: string;
  usually: (covered: boolean) => string;
  covered: (route: string, usual: string) => string;
  coveredUnknown: string;
  coveredUnknownHelp: (route: string, usual: string) => string;
  yes: string;
  no: string;
  medigap: string;
  noMedigap: string;
  medigapPlan: (letter: string) => string;
  deductible: (p: { partB: boolean; fullCents: number | null; fullText: string; year: number | null }) => string;
  reimbursement: string;
  allowed: string;
  shareKind: string;
  coinsuranceChoice: string;
  coinsuranceHelp: string;
  copayChoice: string;
  copayHelp: string;
  copay: string;
  coinsurance: string;
  medicaidCopay: string;
  oopMax: (limit: { year: number; text: string } | null) => string;
  eligibility: string;
  conditions: (intro: string) => string;
  patientName: string;
  patientDob: string;
  /** Inquirer's key hints ("↑↓ navigate • ⏎ select"), by the action's English name. */
  /** Inquirer's key hints: each action's word and each key's name ("space") in this language; null keeps Inquirer's. */
  keys: Record<string, string> | null;
};
