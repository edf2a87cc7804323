// The command line's help in English (see help.ts).
import { INSURANCE_STATUSES } from '../core/scenario.js';
import { choiceList } from './catalog.js';
import { PAYER_WORDS } from './en-words.js';
import type { HelpWords } from './help.js';

export const EN_HELP: HelpWords = {
  titles: {},
  placeholders: {},
  choices: (list) => `choices: ${list.map((c) => JSON.stringify(c)).join(', ')}`,
  byDefault: (value) => `default: ${JSON.stringify(value)}`,
  program: 'Estimate what ketamine therapy will cost: per session and for the whole program, by route, provider and insurance.',
  version: (tool, id, version, asOf) => `${tool} (bundled price list ${id} ${version}, as of ${asOf})`,
  versionFlag: 'print the version',
  helpFlag: 'show this help',
  scenario: {
    route: (ids, aliases) => `how the ketamine is given: ${ids} (other names such as ${aliases} work too)`,
    provider: "provider type: clinic or at-home (default: the route's only provider)",
    sessions: "number of sessions, 1-365 (default: the route's typical program)",
    weeks: "program length in weeks, counted from the route's schedule (not with --sessions)",
    dose: 'esketamine dose in mg: 56 or 84 (default 56); in compare, for the options priced by dose',
    price: 'the price per session from your quote (esketamine: per session at the dose given); replaces the published range',
    package:
      'packages on offer, e.g. 6:2400,8:3000, or a month of a subscription, e.g. 4:129/month (up to 4 sessions a month): the program is priced at the cheapest mix of packages and single sessions',
    itemPrice: 'prices from your quote for line items, e.g. observation=180,intake=0 (see `ketamine-cost routes`)',
    insurance: INSURANCE_STATUSES.map((s) => PAYER_WORDS[s].flagHelp).join(', '),
    covered: 'whether your plan covers this route (default auto: show both, marking the usual one)',
    deductible: 'what is left of your deductible this year, in dollars (default: from already met to a typical full one)',
    medigap: 'with --insurance medicare: your Medigap plan letter, e.g. G or N (default: none)',
    familyDeductible: "what is left of your family's deductible this year (alone: an aggregate family deductible)",
    deductibleApplies:
      'whether the deductible comes before the copay or coinsurance (default yes; a plan saying "deductible does not apply": no)',
    coinsurance: 'your share after the deductible, 0-100 (default 20)',
    copay: 'a flat amount per session instead of coinsurance',
    oopMax: 'what is left of your out-of-pocket maximum this year (default: no cap)',
    familyOopMax: "what is left of your family's out-of-pocket maximum this year",
    reimbursement: 'out of network: share the plan pays back above the deductible, 0-100 (default 0)',
    allowed:
      "the plan's allowed amount per visit (Medicare: the approved amount); in network the rest is written off, out of network the clinic may bill it to you (default: the price)",
    exclude: 'line items to leave out, comma-separated, e.g. intake (already had it); see `ketamine-cost routes`',
  },
  format: 'output format',
  data: 'use this price list (JSON, same schema as `ketamine-cost data show`); default: $KETAMINE_COST_DATA, else the bundled one',
  noColor: 'never colour the output (NO_COLOR and FORCE_COLOR are honoured too)',
  plain: 'no box drawing and nothing told by colour alone: for screen readers and copy-paste',
  lang: 'language: en or es (default: KETAMINE_COST_LANG, else LC_ALL, LC_MESSAGES or LANG; else en)',
  debug: 'print the stack trace of unexpected errors',
  output: 'write to this file (via a temp file renamed at the end) instead of standard output',
  estimate: {
    explain: 'show the arithmetic step by step, each figure with its source',
    brief: 'only the answer: what you will most likely pay, and what that leaves out',
    interactive: 'ask questions for anything not given as a flag (needs a terminal)',
    noInteractive: 'never ask questions, even in a terminal',
    after: (routes) => `
Routes: ${routes}.

Examples:
  $ ketamine-cost --route iv --sessions 6
  $ ketamine-cost --route oral --format json
  $ ketamine-cost -r esketamine --dose 84 -s 8 --format markdown
  $ ketamine-cost -r iv -s 4 -i in-network --covered yes --deductible 500 --coinsurance 20 --oop-max 2000
  $ ketamine-cost -r iv -s 6 --format html --output handout.html

With no flags in a terminal it asks a few questions instead (--no-interactive never asks).

Exit codes: 0 ok, 1 runtime or data error, 2 usage error, 3 batch finished with failed rows, 130 cancelled.
This tool estimates costs from published price ranges. It does not give medical advice.`,
  },
  compare: {
    description: 'every route and provider side by side, cheapest for you first (or only the options named)',
    routes: 'what to compare: route[@provider][:sessions] or route:<weeks>w, e.g. iv:6 esketamine:8w (default: every route and provider)',
    quoteFor: 'the option your --price, --package or --item-price quote is for, e.g. iv (the others keep published prices)',
    ascii: 'draw the range bars with plain ASCII (also when TERM=dumb)',
    after: `
Examples:
  $ ketamine-cost compare --sessions 6
  $ ketamine-cost compare iv:6 esketamine:8w --insurance in-network --deductible 1200 --coinsurance 20
  $ ketamine-cost compare --sessions 6 --price 450 --quote-for iv`,
  },
  plan: {
    description: 'when the money is due: each session in order, what you pay, the running total, plan years and paying over time',
    explain: "show each session's arithmetic",
    ascii: 'draw the chart with plain ASCII (also when TERM=dumb)',
    start: 'date of the first session; without it the plan counts weeks only',
    every: 'a session every <n>d or <n>w (needed for routes without a schedule: iv, im)',
    boostersEvery: 'with --weeks past the program: a booster every this many weeks (no source gives one)',
    planYearStart: 'first day of your plan year (default 01-01; without --start, years of 52 weeks)',
    annualDeductible: "next plan year's full deductible (default: the deductible given for this year)",
    annualOopMax: "next plan year's out-of-pocket maximum (default: the one given for this year)",
    months: 'pay over this many months (1-120)',
    apr: 'the annual percentage rate of paying over time (default 0)',
    after: `
Examples:
  $ ketamine-cost plan -r esketamine --weeks 52 -i in-network --deductible 1500 --coinsurance 20
  $ ketamine-cost plan -r iv -s 6 --every 4d --start 2027-01-04 --months 12 --apr 18`,
  },
  routes: { description: 'the price list as people read it: every route, provider, price range, typical program and source' },
  batch: {
    description: 'estimate many scenarios from a CSV (with a header) or JSON Lines file, one result per row, in order',
    file: 'the input file, or - for standard input',
    output: 'write here (via a temp file renamed at the end) instead of standard output; - is standard output',
    detail: 'JSON rows: summary (inputs used, totals, what the patient pays) or full (the whole estimate)',
    keepColumns:
      'pass columns the tool does not know (name, notes, a record number) through to the output (the default; accepted for scripts)',
    delimiter: 'what separates the cells of a CSV file (European exports use ;)',
    encoding: 'the text encoding of the input (Excel\'s "Save as CSV" writes windows-1252)',
    bom: 'start CSV output with a UTF-8 byte-order mark, so Excel shows accented names right',
    after: (columns) => `
Columns (case- and space-insensitive, camelCase too; only route is required):
  ${columns}

JSON rows are compact by default (--detail summary: id, row, line, status, the inputs used and which were assumed, per session, program, all-in, what the patient pays, the price list); --detail full puts the whole estimate in each row. \`ketamine-cost schema batch\` prints both shapes.

Exit codes: 0 every row estimated; 3 finished, every row written, some rows failed; 1 the file could not be read; 2 usage.

Examples:
  $ ketamine-cost batch patients.csv --format csv --output estimates.csv
  $ printf 'route,sessions\\niv,6\\noral,4\\n' | ketamine-cost batch - --format jsonl`,
  },
  dataCommand: {
    description: 'show or check a price list',
    show: 'print the price list in use (the bundled one, or --data) as JSON: the starting point for your own',
    showData: 'show this price list instead of the bundled one',
    validate: 'check a price list: "valid", or every problem with its JSON path (exit 1)',
    validateFile: 'the price list (JSON)',
    init: "a clinic's own price list from its figures (first-party, dated today): print it, or write it with -o",
    route: 'the route the clinic prices, such as iv',
    provider: "provider type: clinic or at-home (default: the route's first)",
    price: 'the price of one session, in dollars',
    intro: 'an introductory first session (with the consultation, say), in dollars',
    package: 'packages the clinic sells, e.g. 6:3025,8:3925',
    itemPrice: 'prices for line items, e.g. intake=0,observation=180',
    clinicName: "the clinic's name (its price list's source)",
    initData: 'build on this price list instead of the bundled one',
    after: `
Example:
  $ ketamine-cost data init -r iv --price 550 --intro 375 --package 6:3025,8:3925 --clinic-name "Example Clinic" -o clinic-prices.json
  $ KETAMINE_COST_DATA=clinic-prices.json ketamine-cost -r iv -s 6`,
  },
  gfe: {
    description: 'a Good Faith Estimate draft for a self-pay patient (No Surprises Act): clinic, patient, itemised charges, rights',
    clinic: 'the clinic profile (JSON): name, NPI, TIN, location; `ketamine-cost clinic init` prints one',
    patientName: "the patient's full name (asked in a terminal; printed in the document only)",
    patientDob: "the patient's date of birth (asked in a terminal)",
    diagnosis: 'ICD-10-CM diagnosis codes, comma-separated, such as F33.2',
    start: 'the scheduled date of the first session',
    issued: 'the date the estimate is given (left blank to fill in by hand otherwise)',
    output: 'write to this file, created private (mode 0600), instead of standard output',
    data: "use this price list (the clinic's own, with its service codes); default: $KETAMINE_COST_DATA, else the bundled one",
    after: `
Examples:
  $ ketamine-cost clinic init > clinic.json    # then fill it in
  $ ketamine-cost gfe -r iv -s 6 --clinic clinic.json --patient-name "Alex Doe" --patient-dob 1980-04-23 --format html -o gfe.html`,
  },
  clinic: {
    description: 'the clinic profile a Good Faith Estimate names',
    init: 'print an empty clinic profile (JSON) to fill in: name, NPI, TIN, location',
  },
  schema: {
    description:
      'print the JSON Schema of an output (estimate, a batch row, compare, plan, a Good Faith Estimate) or of a price list (dataset)',
    which: 'estimate, batch, compare, plan, gfe or dataset',
  },
  help: { description: 'show the help of the program, or of a command', command: 'the command to show help for' },
  usage: {
    notAllowed: (flag, value, allowed) => `${flag} ${JSON.stringify(value)} is not allowed; allowed: ${choiceList(allowed)}`,
    notAllowedFor: (flag, value, command, allowed) =>
      `${flag} ${JSON.stringify(value)} is not allowed for "${command}"; allowed: ${choiceList(allowed)}`,
    needsValue: (flag) => `${flag} needs a value after it; see --help for what it takes`,
    formatOfOutput: (extension, format, command, allowed) =>
      `--output names a ${extension} file (${format}), which "${command}" does not write; give --format: ${allowed.join(', ')}`,
    unknownOption: (flag, close) =>
      `unknown option '${flag}'${close.length === 0 ? '' : ` (did you mean ${close.length > 1 ? 'one of ' : ''}${close.join(', ')}?)`}; see --help for the options this command takes`,
    optionOfCommand: (flag, command) =>
      `unknown option '${flag}' for this command; ${command} takes it (ketamine-cost ${command} ... ${flag}); see ketamine-cost ${command} --help`,
    routeInCompare: "unknown option '--route' for this command; see --help (compare takes routes as words: compare iv oral)",
    unknownCommand: (name, close, commands) =>
      `unknown command ${name}${close === undefined ? '' : ` (did you mean "${close}"?)`}; commands: ${commands.join(', ')}; or flags only, such as --route iv`,
    missingArgument: (name) => `missing required argument '${name}'`,
    requiredOption: (flag) => `required option '${flag}' not specified`,
    tooManyArguments: (command, takes, extra) =>
      `${extra.map((word) => `"${word}"`).join(', ')} ${extra.length === 1 ? 'is one argument' : `are ${extra.length} arguments`} too many: ${command} takes ${takes.length === 0 ? 'options only, such as --route iv' : `${takes.map((name) => `<${name}>`).join(' ')} and options`}; see --help`,
    commandNotFirst: (word, command) =>
      `"${word}" is not an argument the estimate takes; if you meant the command "${command}", it comes first: ketamine-cost ${command} [options]`,
    beforeSubcommand: (flag, command) =>
      `${flag} was given before "${command}", which does not take it; see ketamine-cost ${command} --help`,
    needsSubcommand: (command, subcommands) =>
      `${command} needs a subcommand: ${subcommands.length > 1 ? `${subcommands.slice(0, -1).join(', ')} or ${subcommands.at(-1)}` : subcommands[0]} (see ketamine-cost ${command} --help)`,
    noSuchCommand: (name, commands) => `there is no command "${name}"; commands: ${commands.join(', ')}`,
  },
};
