# The words of `dues`, in English. Every id here is also in ../fr/dues.ftl,
# with the same variables: `cargo test` checks it. Identifiers that scripts
# parse (column names, ids, codes, JSON keys) are not in here.

## Common

ask-budget = Annual budget:
ask-budget-help = e.g. 2,3 M€, 850 k€ or 1 500 000 €; Enter to confirm, Esc to give up
ask-kind = Kind of organisation:
ask-kind-help = type to filter, ↑↓ to choose, Tab to complete, Enter to confirm
ask-strategy = Does it have a strategy of drawing the smaller authorities of its territory along?
ask-strategy-help = yes or no — yes: { $yes }; no: { $no }
ask-answer-needed = an answer is needed: yes or no
ask-budget-check = A budget of { $amount } for the kind “{ $kind }” (usually at least { $floor }): is that right?
ask-budget-check-help = Enter or “yes” to keep it, or type the right amount, e.g. { $reading }
ask-budget-check-keep = Enter or “yes” to keep it, or type the right amount
ask-budget-check-no = type the right amount, or Enter to keep this one
ask-canceled = (given up)
ask-answer-needed-value = an answer is needed
warn-date-unused = --date is for the letter and html formats only: it is ignored here
fail-xlsx-format = -o …xlsx writes a workbook, and --format { $format } asks for something else: drop one or the other
fail-workbook-format = dues writes its workbooks as xlsx only, not { $extension }: name the output …xlsx (every spreadsheet opens it), or …csv
fail-clock = today's date cannot be told (the system clock is out of range); give it with --date
fail-name-control = --name: “{ $name }” holds an invisible control or formatting character ({ $code }); write the name without it
check-no-issuer = (no [issuer] section: no letter nor page to print)
error = dues: error: { $message }
warning = dues: warning: { $message }
quoted = “{ $value }”
list-semicolon = { $init }; { $last }
list-more = …
list-separator = { ", " }
list-and = { $init } and { $last }
list-or = { $init } or { $last }

## Amounts and fees

fee-from = from { $amount }
fee-with-note = { $fee } — { $note }
tier-fee = { $tier } ({ $fee })
outcome-tier = tier { $tier }, { $fee }
kind-with-label = { $id } ({ $label })
strategy-yes = yes
strategy-no = no
strategy-not-given = not given

## Budget conditions

budget-equals = budget = { $amount }
budget-between = { $low } { $low_op } budget { $high_op } { $high }
budget-above = budget > { $amount }
budget-at-least = budget ≥ { $amount }
budget-below = budget < { $amount }
budget-at-most = budget ≤ { $amount }
budget-any = any budget
condition-with-strategy = { $kinds } with a network strategy
condition-without-strategy = { $kinds } without a network strategy
condition-and = { $first }, and { $second }

## The explanation of a quote

explain-rule-applies = { $strategy ->
    [yes] { $kind } with a network strategy: tier { $tier }
    [no] { $kind } without a network strategy: tier { $tier }
   *[any] { $kind }: tier { $tier }
}
explain-kind-not-eligible = { $kind }: not eligible for tier { $tier }, which is for: { $condition }
explain-strategy-mismatch = { $strategy ->
    [yes] { $kind } with a network strategy: not tier { $tier }
   *[no] { $kind } without a network strategy: not tier { $tier }
}
explain-rule-budget-outside = budget { $budget } outside { $condition }: not tier { $tier }
explain-budget-in = { $test }: tier { $tier }
explain-budget-out = { $test }: not tier { $tier }
explain-budget-not-used = { $test }: by budget alone, it would be tier { $tier }
explain-next-tier = next tier: { $tier } for { $condition }, with { $gap } more budget
test-fails = budget { $budget } is not { $op } { $bound }
test-holds = budget { $budget } { $test }
test-holds-both = budget { $budget } { $first } and { $second }
test-any = budget { $budget }

## Warnings and errors of a quote

warn-implausible-budget = a budget of { $amount } is implausible for the kind “{ $kind }” (at least { $floor }): did you mean { $reading }? The fee given is that of a budget of { $amount }.
warn-implausible-budget-alone = a budget of { $amount } is implausible for the kind “{ $kind }” (at least { $floor }); the fee given is that of a budget of { $amount }.
warn-strategy-ignored = the network strategy changes nothing for “{ $kind }”: the fee is by budget
err-option = { $option }: { $message }
err-option-strategy-required = { $option }: { $message }; answer with { $option } yes or no
err-not-an-amount = “{ $value }” is not an amount: { $why }; write a non-negative amount such as 2300000, 2 300 000, 2 300 000,50 { $symbol }, 2,3 M{ $symbol }, 850 k{ $symbol } or 1,2 Md{ $symbol }
err-amount-here = “{ $value }” cannot be read here: { $why }
err-unknown-kind = unknown kind “{ $value }”; accepted: { $kinds }, or one of their other names, singular or plural (`dues tiers` lists them; case, accents and apostrophes do not matter)
err-unknown-kind-close = unknown kind “{ $value }”; did you mean { $close }? Accepted: { $kinds }, or one of their other names, singular or plural (`dues tiers` lists them; case, accents and apostrophes do not matter)
err-invalid-strategy = “{ $value }” is not an answer to the network-strategy question; accepted: { $accepted }
err-strategy-required = the network strategy (yes or no) is needed to quote a { $kind } ({ $id }): with a strategy of drawing the smaller authorities of its territory along, { $yes }; without one, { $no }
amount-empty = it is empty
amount-negative = a budget cannot be negative
amount-signed = write it without a sign
amount-scientific = scientific notation is refused, as the spreadsheet that wrote it may have rounded the figure (widen the column or format it as a number)
amount-not-a-number = it is not a number
amount-currency-twice = the currency is written twice
amount-grouping = digits must be grouped by three, with a single space, U+00A0 or U+202F between groups (2 300 000)
amount-misplaced = “{ $char }” is out of place
amount-too-many-digits = it has more digits than an exact decimal holds (28 digits)
amount-uncomputed = it is a formula whose value the file does not hold: open the workbook in a spreadsheet and save it, for the value to be computed
amount-sub-cent = it is more precise than a cent
amount-dash-cents = “{ $mark }-” for “no cents” is not read; write { $whole } or { $whole },00
amount-dash-cents-alone = “{ $mark }-” for “no cents” is not read; write the amount without it
amount-unit-contradiction = it is written in { $written }, but the amounts of its column are in { $expected } (by its header or --budget-unit); correct one or the other
amount-against-convention = { $stated ->
    [yes] { $role ->
        [group] “{ $mark }” separates thousands in this file, as --decimal-mark says, which this value contradicts; check it, or the --decimal-mark given
       *[decimal] “{ $mark }” is this file's decimal mark, as --decimal-mark says, which this value contradicts; check it, or the --decimal-mark given
    }
   *[no] { $role ->
        [group] “{ $mark }” separates thousands in this column, by its other values, which this value contradicts; check it, or give the file's convention with --decimal-mark
       *[decimal] “{ $mark }” is this column's decimal mark, by its other values, which this value contradicts; check it, or give the file's convention with --decimal-mark
    }
}
amount-in-unit = { $symbol }{ $number }{ $prefix }
amount-ambiguous = { $cents ->
    [yes] it is ambiguous, “{ $mark }” followed by three digits may separate thousands ({ $thousands }) or mark decimals ({ $decimal }); write { $thousands } for the first reading or { $decimal } for the second
   *[no] it is ambiguous, “{ $mark }” followed by three digits may separate thousands ({ $thousands }) or mark decimals ({ $decimal }); write { $thousands } for the first reading (the second is not a whole number of cents)
}

## Views

view-dues = Dues { $year }
view-tier = Tier
view-organisation = Organisation
view-kind = Kind
view-budget = Annual budget
view-strategy = Network strategy
view-explanation = Explanation:
view-source = Source: { $source }
tiers-title = { $title } — { $source }
tiers-condition = Condition
tiers-other-names = Other names (singular or plural)
tiers-dues = Dues
summary-rows = Rows
summary-dues = Dues
summary-errors = Errors
summary-tier = { $label } ({ $fee })
summary-range = { $min } to { $max }
summary-undecided = To confirm, for want of a network strategy answer
summary-undecided-lines = To confirm, for want of a network strategy answer: { $count ->
    [one] line { $lines }
   *[other] lines { $lines }
}
summary-strategy-given = Network strategy given by --network-strategy for rows without an answer: { $answer }
summary-blank = Blank rows
summary-error-group = { $reason } ({ $code }): { $count ->
    [one] line { $lines }
   *[other] lines { $lines }
}
reason-invalid-budget = unreadable budget
reason-unknown-kind = unknown kind
reason-invalid-strategy = unreadable strategy answer
reason-strategy-required = network strategy not given
reason-unclosed-quote = quote never closed
reason-too-few-fields = missing fields
reason-too-many-fields = too many fields
reason-not-utf8 = unreadable encoding
summary-total = Total
summary-at-least = ≥ { $amount }

## dues check

check-valid = { $origin }: valid — { $tiers ->
    [one] { $tiers } tier
   *[other] { $tiers } tiers
} ({ $by_budget } by budget, { $by_rule } by rule), { $kinds ->
    [one] { $kinds } kind
   *[other] { $kinds } kinds
}, { $benefits ->
    [one] { $benefits } benefit
   *[other] { $benefits } benefits
}; { $examples ->
    [0] no example
    [one] { $examples } example passes
   *[other] { $examples } examples pass
}
example-quote = tier `{ $tier }` at { $fee }
example-error = error `{ $code }`

## Tables that cannot be used

table-toml = { $origin }:{ $line }:{ $column }: { $problem }
table-problem-at = { $origin }:{ $line }: { $problem }
table-problem = { $origin }: { $problem }
table-invalid = { $origin }: invalid tier table:
toml-syntax = not valid TOML: { $what ->
    [string] a malformed string (a missing quote?)
    [key] a malformed key
    [table] a malformed table header
    [inline-table] a malformed inline table
    [array] a malformed array
    [number] a malformed number
    [date] a malformed date
    [boolean] a malformed boolean (true or false)
    [comment] a malformed comment
    [comma] a comma missing or too many
    [assignment] an = sign missing or too many
    [value] a malformed value
    [too-deep] nested too deep
   *[other] what stands there is not TOML
}
toml-unknown-key = unknown key `{ $key }`; expected { $expected }
toml-missing-key = the key `{ $key }` is missing
toml-wrong-type = the value `{ $value }` is not of the type expected here
toml-wrong-type-unnamed = a value is not of the type expected here
toml-out-of-range = the value `{ $value }` is out of the range allowed here
toml-unknown-variant = `{ $found }` is not a value allowed here; allowed: { $expected }
toml-float-money = money cannot be a TOML float ({ $value }): a float is a binary fraction that cannot hold every cent exactly; write an integer (1_500_000) or a string ("1500000.50")
toml-negative-money = money cannot be negative: { $value }
toml-not-money = `{ $value }` is not money as the table writes it: digits with an optional decimal point, such as "1500000" or "1500000.50"
toml-money-too-large = { $value } is more than a table may hold: amounts are at most { $max }
table-marker = currency marker `{ $marker }` { $fault ->
    [empty] is empty
    [digit] holds a digit
    [sign] holds a sign
    [separator] holds a separator
   *[multiplier] begins or ends with a multiplier
}: a marker is typed beside an amount, so it holds no digit, sign or separator (“,”, “.”, a space), and does not begin or end with a multiplier (k, M, Md…), lest “2,3 M€” read as €2.30
table-symbol-not-accepted = symbol `{ $symbol }` is not among the accepted markers (`accepted`): an amount written the way dues prints it would not read back
table-issuer-empty = [issuer]: `{ $key }` cannot be empty
table-issuer-invalid = [issuer]: `{ $key }` cannot be “{ $value }”; { $key ->
    [email] an email address is written name@domain.org
    [phone] a phone number is written in digits, with spaces, dots or dashes, and an optional + (6 digits at least)
   *[website] a website is written with its scheme, https or http
}
table-issuer-unreachable = [issuer] says no way to reach it: give at least `email`, `phone` or `website`
table-no-kind = the table defines no kind: add a [[kind]] for each kind of organisation
table-duplicate-kind = kind id `{ $id }` is used twice
table-empty-kind-name = kind `{ $kind }` has an empty name
table-kind-name-clash = kinds `{ $first }` and `{ $second }` both answer to `{ $name }`
table-empty-tier-id = a tier has an empty id
table-duplicate-tier = tier id `{ $id }` is used twice
table-sub-cent = tier `{ $tier }`: { $key } { $amount } is more precise than a cent
table-both-lower-bounds = tier `{ $tier }`: give `at_least` or `above`, not both
table-both-upper-bounds = tier `{ $tier }`: give `below` or `at_most`, not both
table-no-lower-bound = tier `{ $tier }`: the budget needs a lower bound, `at_least` or `above` (`at_least = 0` for the first tier)
table-empty-budget = tier `{ $tier }`: its budget bounds leave no budget in it
table-fee-not-positive = tier `{ $tier }`: the fee must be positive, not { $fee }
table-fee-too-large = tier `{ $tier }`: the fee must be at most { $max }, not { $fee }
table-rule-no-kind = tier `{ $tier }`: the rule names no kind
table-rule-unknown-kind = tier `{ $tier }`: the rule names kind `{ $kind }`, which is not a kind id of this table ({ $known })
table-neither-budget-nor-rule = tier `{ $tier }` has neither a `budget` nor a `rule`
table-no-budget-tier = no tier applies by budget alone: the tiers without a `rule` must cover every budget from 0 upwards
table-not-from-zero = no tier covers { $span } (the lowest tier, `{ $tier }`, starts there)
table-gap = tiers `{ $below }` and `{ $above }` leave { $span } uncovered
table-overlap = tiers `{ $below }` and `{ $above }` both cover { $span }
table-unbounded = tiers `{ $below }` and `{ $above }` both cover { $span } (`{ $below }` has no upper bound)
table-no-ceiling = no tier covers { $span } (the highest tier, `{ $tier }`, stops there)
table-rules-clash = tiers `{ $first }` and `{ $second }` both apply to kind `{ $kind }`
table-example-unknown-tier = example expects tier `{ $tier }`, which the table does not have
table-example-unknown-error = example expects error `{ $error }`; known errors: { $known }
table-example-shape = an example expects either `tier` and `fee`, or `error`
table-example-fails = { $answered ->
    [yes] example (budget `{ $budget }`, kind `{ $kind }`, network_strategy `{ $strategy }`) expects { $expected }, got { $got }
   *[no] example (budget `{ $budget }`, kind `{ $kind }`) expects { $expected }, got { $got }
}
table-built-in-undecodable = the built-in table cannot be decoded; rebuild dues

## dues batch

delimiter-tab = tab
delimiter-char = “{ $char }”
role-name = name
role-kind = kind
role-budget = budget
role-strategy = strategy
batch-empty = the input is empty: a CSV needs at least a header line
batch-utf16-without-bom = { $order ->
    [big] the input looks like UTF-16 (big-endian) without a byte-order mark; read it with --encoding utf-16be
   *[little] the input looks like UTF-16 (little-endian) without a byte-order mark; read it with --encoding utf-16le
}
batch-utf16-forced = the input is UTF-16 (it starts with its byte-order mark), not in the encoding --encoding gives; leave --encoding out
batch-binary = the input holds NUL bytes: it is neither a text CSV nor a workbook dues reads (xlsx, xlsm, xls, xlsb, ods); save it as CSV or xlsx
batch-unclosed-header-quote = line { $line }: a quote opened in the header is never closed, so the whole file went into one header field; close the quote
batch-ambiguous-delimiter = cannot tell the delimiter: { $first } and { $second } split the first lines equally well; say which with --delimiter
batch-missing-columns = { $count ->
    [one] no { $roles } column
   *[other] no { $roles } columns
}; headers found: { $headers }; { $hints }
batch-column-hint = a { $role } column is headed { $known }, whatever the case, accents, punctuation, year or unit, or is given with { $option } and its header or number (from 1)
batch-no-such-column = { $option } “{ $wanted }” names no column; headers found: { $headers }; a column is given by its header or by its number, from 1 to { $count }
batch-ambiguous-column = columns “{ $first }” and “{ $second }” could both be the { $role } column; say which with { $option }
batch-header-units = header “{ $header }” names two scales, { $first } and { $second }; say which one plain numbers are in with --budget-unit
unit-scale = { $unit ->
    [thousand] thousands
    [million] millions
   *[billion] billions
}
sheet-unreadable = this is no readable workbook (xlsx, xlsm, xls, xlsb or ods): a damaged file, or a text file named as a workbook? Open it and save it again, or as CSV
sheet-protected = this workbook cannot be read: protected by a password, or damaged? Save a copy without a password, or as CSV
sheet-no-such = --sheet “{ $wanted }” names no sheet; the workbook's sheets: { $sheets }; a sheet is given by its name or by its number, from 1 to { $count }
sheet-ambiguous = several sheets have the columns of a list to price: { $sheets }; say which with --sheet (its name or number)
sheet-too-large = sheet “{ $sheet }” spans { $first } to { $last }: more cells than a list has (20 million at most); a stray cell far from the list? Delete the rows and columns between it and the list, or name another sheet with --sheet
sheet-of-text = --sheet names a workbook's sheet, and this is a text file: drop --sheet
sheet-encoding = --encoding tells a text file's encoding, and this is a workbook, whose cells need none: drop --encoding
xlsx-cell-too-long = line { $line }, column “{ $column }”: { $chars } characters, and a workbook's cell holds 32,767 at most; write the list as CSV, which has no such limit
xlsx-too-wide = line { $line }: { $columns } columns, and a workbook's sheet holds 16,384, the 4 dues appends included; write the list as CSV, which has no such limit
sheet-too-many-rows = the list has more rows than a workbook's sheet holds (1,048,576): write it as CSV
xlsx-rows-sheet = Rows
xlsx-summary-sheet = Summary
xlsx-dues-from = Dues (at least)
xlsx-dues-to = Dues (at most; empty: to be negotiated)
batch-column-clash = the input already has a column “{ $header }”; dues appends the columns tier, fee, fee_basis and error, so rename that column first
batch-duplicate-header = header “{ $header }” appears twice; JSON objects need distinct keys (rename one, or use --format csv)
batch-reserved-header = header “{ $header }” is the name JSON lines give the fields past the header's width; rename that column, or use --format csv
batch-strict = { $origin }: { $error } (--strict: stopped there)
batch-strict-line = line { $line }: --strict stopped there
row-unclosed-quote = line { $line }: a quote opened in this row is never closed, so every line after it went into one field; close the quote (dues closed it at the end of the file to keep the columns apart)
row-too-few-fields = line { $line }: { $got ->
    [one] { $got } field
   *[other] { $got } fields
} where the header has { $width }; a field or a delimiter is missing (the row is padded so that the columns line up)
row-too-many-fields = line { $line }: { $got } fields where the header has { $width }; a field too many, or a delimiter inside a field that should be quoted
row-not-utf8 = line { $line }, column “{ $column }”: not valid UTF-8; if the file comes from Excel's plain “CSV”, read it with --encoding windows-1252
row-quote-error = line { $line }, column “{ $column }”: { $error }
row-strategy-empty = line { $line }, column “{ $column }”: { $error }; answer yes or no in this column, or for every row without an answer with --network-strategy yes or no
row-no-strategy-column = line { $line }: { $error }; the file has no strategy column (add one headed “Network strategy”, with yes or no, or answer for all such rows with --network-strategy yes or no)
batch-tool = dues batch
batch-tool-sheet = dues batch (sheet “{ $sheet }”)
batch-done = { $tool }: { $priced ->
    [one] { $priced } row priced
   *[other] { $priced } rows priced
}{ $minimum ->
    [0] {""}
   *[other] , { $minimum } of them at a minimum fee (to be negotiated)
}
batch-error-lines = { $count ->
    [one] (line { $lines })
   *[other] (lines { $lines })
}
batch-review-lines = { $count ->
    [one] to review: line { $lines }
   *[other] to review: lines { $lines }
}
batch-done-undecided = { $count } to confirm, for want of a network strategy answer
batch-done-errors = { $count } in error
batch-done-blank = { $count ->
    [one] { $count } blank row
   *[other] { $count } blank rows
}
batch-progress-known = dues batch: { $rows ->
    [one] { $rows } row
   *[other] { $rows } rows
}, { $percent }%, { $left } left…
duration = { $minutes ->
    [0] { $seconds } s
   *[other] { $minutes } min { $seconds } s
}
warn-small-budgets = most budgets of column “{ $column }” ({ $small } of { $of }) are smaller than their kind's can be, e.g. “{ $example }” for the kind “{ $kind }” (at least { $floor }): if they are in thousands or millions of euros, say so with --budget-unit k€ or M€ (they were priced as read)
warn-convention = column “{ $column }” separates thousands with “{ $mark }” (e.g. “{ $example }”), so a value like “850{ $mark }000” there is read as 850 thousand, not 850; give --decimal-mark if that is wrong
batch-progress = dues batch: { $rows ->
    [one] { $rows } row…
   *[other] { $rows } rows…
}

## What ends a run

fail-stdin-twice = the tier table (--tiers - or DUES_TIERS=-) and the batch input both read stdin; give one of them as a file
origin-built-in = { $file } (built in)
origin-stdin = <stdin>
fail-table-read = cannot read tier table { $path }: { $error }
fail-table-read-stdin = cannot read the tier table from stdin: { $error }
fail-input-read = cannot read { $origin }: { $error }
fail-in = { $origin }: { $error }
fail-write-stdout = cannot write to stdout: { $error }
fail-write = cannot write { $path }: { $error }
fail-write-in = cannot write in { $dir }: { $error }
fail-output-folder = { $path }: is a folder; give a file name
fail-too-many-links = { $path }: too many levels of symbolic links
fail-output-is-input = { $option } { $path } is the input file; write to another file
fail-terminal = could not ask in the terminal: { $error }
fail-same-outputs = --summary-json { $path } is also the -o file: the summary would replace the priced rows; give it another file
fail-input-is-output = { $origin }: the input file is also the output (stdout); write the priced rows to another file
io-not-found = no such file or folder
io-permission-denied = permission denied
io-storage-full = no space left on the device
io-is-a-directory = it is a folder
io-not-a-directory = a part of the path is not a folder
io-read-only = the file system is read-only
io-broken-pipe = the reader has gone (broken pipe)
io-invalid-utf16 = invalid UTF-16 near byte { $offset }: a lone surrogate or an odd number of bytes
io-output-not-utf8 = output that is not UTF-8 cannot be written as UTF-16
io-invalid-utf8 = the content is not valid UTF-8 text
io-other = input/output error
## Usage errors (clap's, worded here)

clap-missing-argument = the following required arguments were not provided: { $args }
clap-unknown-argument = unexpected argument “{ $arg }” found
clap-invalid-value = invalid value “{ $value }” for “{ $arg }”
clap-empty-value = a value is required for “{ $arg }” but none was supplied
clap-unknown-command = unrecognized command “{ $command }”
clap-missing-command = a command is required: { $commands }
clap-repeated = “{ $arg }” may be given only once
warn-lang = DUES_LANG={ $value } is not a language of dues (fr or en): the output is in French
completion-commands = commands
clap-conflict = the argument “{ $arg }” cannot be used with “{ $other }”
clap-no-equals = equal sign is needed when assigning values to “{ $arg }”
clap-too-many-values = unexpected value “{ $value }” for “{ $arg }” found; no more were expected
clap-wrong-number-of-values = “{ $arg }” was not given the number of values it takes
clap-invalid-utf8 = an argument is not valid UTF-8
clap-other = the arguments cannot be read
clap-threads = a thread count goes from 1 to { $most }, e.g. 2
clap-date-format = a date is written YYYY-MM-DD and must exist, e.g. 2026-12-01
clap-possible-values = possible values: { $values }
clap-similar-argument = tip: a similar argument exists: “{ $arg }”
clap-similar-command = tip: a similar command exists: “{ $command }”
clap-similar-value = tip: a similar value exists: “{ $value }”
clap-usage = Usage: { $usage }
clap-more = For more information, try “--help”.

## Help

help-usage-heading = Usage:
help-heading-options = Options
help-heading-arguments = Arguments
help-heading-global = Options of every command
help-heading-commands = Commands
help-help = Print help
help-version = Print version
help-help-command = Print the help of dues or of one of its commands
help-help-command-arg = The command whose help to print
help-about = Quote the membership dues of La 27e Région.
help-description =
    Reads the tier table of the “Adhésion 2022” leaflet (built in, or another year's with --tiers), classifies an organisation by annual budget and kind, and prints the fee, why, and the benefits of membership.
help-examples =
    Examples:
      dues quote --budget "2,3 M€" --kind commune
      dues quote --budget "1 500 000 €" --kind "Conseil départemental" --network-strategy non
      dues quote --budget "1,2 Md€" --kind région --network-strategy oui --format json
      dues tiers
      dues check next-year.toml
      dues --tiers tiers-2023.toml quote --budget 850k --kind association
help-exit-codes =
    Exit codes: 0 done; 1 the input cannot be quoted (invalid budget, unknown kind, missing network strategy); 2 usage error or invalid tier table; 130 a question given up (Ctrl-C, Esc) or the program interrupted.
help-tiers = Tier table to use instead of the built-in 2022 one (“-”: stdin; also DUES_TIERS, where empty means the built-in table).
help-lang = Language of the output: fr (French, the default) or en (English); also DUES_LANG.
help-color = When to use bold and colour: auto (the default: on a terminal, unless NO_COLOR is set), always or never.
usage-dues = dues [options] <command>
value-command = COMMAND
value-file = FILE
value-lang = LANG
value-when = WHEN
value-amount = AMOUNT
value-kind = KIND
value-answer = ANSWER
value-name = NAME
value-format = FORMAT
value-column = COLUMN
value-input = INPUT
value-delimiter = DELIMITER
value-encoding = ENCODING
value-shell = SHELL

help-quote = Quote the dues of one organisation.
usage-quote = dues quote --budget <AMOUNT> --kind <KIND> [options]
help-quote-after =
    In a terminal, what is missing is asked: the budget, the kind (the table's names offered as you type), the answer to the network-strategy question when it decides the fee; a budget too small for its kind is to be confirmed. Without a terminal, or with --no-input, nothing is asked.

    Amounts are read as French people write them: 2300000, 2 300 000, 2 300 000,50 €, 2,3 M€, 2.3M, 850 k€, 1,2 Md€. “1,500” and “1.500” are refused as ambiguous.

    Examples:
      dues quote
      dues quote -b "2,3 M€" -k commune
      dues quote -b "850 k€" -k asso -n "Les Ateliers" --explain
      dues quote -b "1,2 Md€" -k "Conseil régional" -s yes -f letter > proposal.md
      dues quote -b 12000000 -k departement -s no -f json
help-quote-budget = Annual budget, e.g. 2300000, “2 300 000 €”, “2,3 M€”, “850 k€”.
help-quote-kind = Kind of organisation: an id of the table, its label or one of its other names, singular or plural (“commune”, “Conseil régional”, “asso”…); `dues tiers` lists them.
help-quote-strategy = Does it have a strategy of drawing the smaller authorities of its territory along? yes or no (also oui/non, true/false, 1/0, o/n, y/n). Needed for a Région, Département or Métropole.
help-quote-name = Name of the organisation, echoed in the output.
help-quote-format = Output format: table (for people, the default), text (the same, without a box, to copy), letter (a proposal to paste into an email), html (the same, a page to print), json or csv.
help-quote-explain = Show which rule applied and which did not, with the numbers.
help-format-table = for people
help-format-json = for scripts
help-format-csv = a header and one row, with the columns dues batch appends
help-format-tiers-json = every bound, kind and alias
help-format-toml = the table's source (a valid table only)
help-format-batch-csv = the input's own dialect
help-format-jsonl = one JSON object per row

help-batch = Price a list of prospects, CSV or workbook: every row back, in order, with its dues.
usage-batch = dues batch [<INPUT>] [options]
help-batch-after =
    Reads Excel and CRM exports as they are: “;”, “,” or tab, Windows-1252, UTF-8 (with or without a BOM) or UTF-16 with its BOM, CRLF or LF, budgets such as “1 500 000,00 €”, in k€ or M€ when the header says so (“Budget (M€)”). Columns are found by header, years, units and punctuation aside (“Company name”, “Organisation type”, “Budget 2024 (€)”, “Network strategy”…). Every row comes back, in order, its fields untouched, with tier, fee, fee_basis and error, in the input's dialect; empty lines stay empty.

    Exit codes: 0 every row priced (blank rows aside); 1 a row in error or to confirm (or --strict stopped); 2 the batch could not start (usage, table, unreadable input, missing column).

    Examples:
      dues batch prospects.csv -o prospects-priced.csv --summary
      dues batch --format jsonl < prospects.csv
      dues batch list.csv --budget-unit M€ --network-strategy no --summary-json summary.json
      dues batch export.csv --budget-column "Budget 2022" --kind-column 3
help-batch-input = The list to price: a CSV, or an xlsx, xlsm, xls, xlsb or ods workbook (“-” or none: stdin).
help-batch-output = Write to FILE instead of stdout; a FILE ending in .xlsx gets a workbook (typed cells, the fee a number, a summary sheet). A temporary file in the same folder is renamed when complete, so a failure never leaves half a file; a FIFO or a device is written straight into.
help-batch-format = Output format: csv (the input's own dialect, the default; UTF-8 and “,” for a workbook) or jsonl (one JSON object per row). Not with -o …xlsx.
help-batch-delimiter = Field delimiter: auto (the default: the one that splits the first lines most regularly; tab for a .tsv file), “;” or semicolon, “,” or comma, tab, “|” or pipe.
help-batch-encoding = Encoding of a text file: auto (the default: UTF-16 if it starts with its BOM, else strict UTF-8, else Windows-1252), utf-8, windows-1252, utf-16le or utf-16be. The output is written in the same one. Not for a workbook.
help-batch-name-column = Column of the name, by its header or its number from 1 (by default: found by its header, “Name”, “Company name”…).
help-batch-kind-column = Column of the kind, by its header or its number (by default: “Type”, “Organisation type”…).
help-batch-budget-column = Column of the budget, by its header or its number (by default: “Budget”, “Annual budget (€)”, “BP 2024”…). A revenue is no budget: name its column to use it.
help-batch-strategy-column = Column of the network strategy, by its header or its number (by default: “Network strategy”, “Strategy”…).
help-batch-budget-unit = Unit of budgets written as plain numbers: € (euros), k€ (thousands of euros) or M€ (millions of euros); wins over the unit the header names (“Budget (M€)”). A value that carries its own unit (“2,3 M€”) is read as written, except in a k€ or M€ column, where another unit is a row error.
help-batch-decimal-mark = The file's decimal mark: “,” or “.” (the other then separates thousands). Without it, a column that only ever uses a mark to separate thousands (“57,300,000”) reads “850,000” as 850 000.
help-batch-strategy = Answer to the network-strategy question for every row that has none of its own: yes or no (also oui/non…). It never overrides a row's own answer, and the summary echoes it.
help-batch-summary-json = Write the summary's figures as JSON to FILE (rows, priced, blank, undecided, errors by reason, total, by tier, by kind, warnings).
value-unit = UNIT
value-mark = MARK
help-batch-strict = Stop at the first row in error (exit 1), writing nothing.
help-batch-threads = Threads that price the rows, in parallel (default: one per core, up to 4; 1: on the thread that reads; also DUES_THREADS). Rows always come out in order.
value-threads = N
help-batch-summary = Show on stderr the rows and dues per tier and per kind, the blank, undecided and error rows (by reason), and the total, exact or as a range.
help-tiers-command = Show the whole tier table: each tier's condition, its fee, and the benefits.
usage-tiers = dues tiers [options]
help-tiers-after =
    Examples:
      dues tiers
      dues tiers --format json --lang en
      dues tiers --format toml > tiers-2023.toml   # start next year's table
help-tiers-format = Output format: table (for people, the default), json (every bound, kind and alias) or toml (the table's source).

help-check = Validate a tier table and run its examples; list every problem.
usage-check = dues check [<FILE>]
help-check-after =
    Examples:
      dues check
      dues check tiers-2023.toml
help-check-file = The table to check (default: the selected table; “-”: stdin).

help-completions = Print a shell completion script.
usage-completions = dues completions <SHELL>
help-completions-after =
    Example:
      dues completions bash > ~/.local/share/bash-completion/completions/dues
help-completions-shell = The shell: bash, zsh, fish, powershell or elvish.

help-man = Print the man page (roff).
usage-man = dues man
help-man-after =
    Example:
      dues man > dues.1 && man ./dues.1
usage-help = dues help [<COMMAND>]

## The man page

man-manual = User Commands
man-name = NAME
man-synopsis = SYNOPSIS
man-synopsis-args = [options] command [arguments]
man-description = DESCRIPTION
man-description-text =
    dues quotes the membership dues of La 27e Région, the French public-innovation lab, from the tier table of its “Adhésion 2022” leaflet: the fee, why that fee, and the benefits it buys.

    The table is data: it is built in, and another year's is another file, given with --tiers. Amounts are exact decimals, read as French people write them. Every word dues prints is in French, or in English with --lang en.
man-options = OPTIONS
man-commands = COMMANDS
man-exit-status = EXIT STATUS
man-exit-status-text =
    0: done (quoted, priced, table valid).
    1: the input cannot be quoted (bad budget, unknown kind, missing or unreadable strategy answer), or some row of a batch is in error.
    2: usage error, a tier table that cannot be read or is invalid, an input that cannot be read or an output that cannot be written.
man-environment = ENVIRONMENT
man-environment-text =
    DUES_TIERS: the tier table to use, as --tiers (empty: the built-in one).
    DUES_LANG: the language of the output, as --lang (fr or en).
    DUES_THREADS: the threads that price a batch's rows, as --threads.
    NO_COLOR: when set and not empty, no bold nor colour in --color auto.
man-examples = EXAMPLES
io-too-many-links = too many levels of symbolic links
io-name-too-long = file name too long
io-file-too-large = file too large
io-quota = disk quota exceeded
io-cross-device = the file and its folder are not on the same file system
io-bad-descriptor = the file descriptor is not open
io-too-many-files = too many open files
io-os-error = system error (code { $code })
date-long = { $day } { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
letter-date = { $date }
letter-recipient = For the attention of: { $name }
letter-subject = Subject: { $title } of { $issuer }
letter-greeting = Dear Sir or Madam,
letter-who-named = { $name }, of the kind “{ $kind }”, with an annual budget of { $budget }
letter-who = an organisation of the kind “{ $kind }” with an annual budget of { $budget }
letter-fee = { $basis ->
    [minimum] For { $who }, the membership fee of { $issuer } ({ $title }) is as follows: { $fee } (tier: { $tier }).
   *[fixed] For { $who }, the membership fee of { $issuer } ({ $title }) is { $fee } (tier: { $tier }).
}
letter-fee-minimum = from { $amount }, { $note }
letter-closing = We remain at your disposal for any question, and would be glad to count you among our members.
letter-regards = Yours faithfully,
fail-no-issuer = table { $origin } has no [issuer] section: a letter says who sends it (name, address, contact); add one, or choose another --format
help-format-text = without a box, to copy
help-format-letter = a proposal to send
help-format-html = the proposal, as a page to print
help-quote-date = Date of the proposal (letter, html), YYYY-MM-DD; by default, today.
help-quote-no-input = Never ask, even in a terminal: what is missing is an error.
value-date = DATE
value-sheet = SHEET
help-batch-sheet = Sheet of the workbook to price (xlsx, xlsm, xls, xlsb, ods), by its name or its number from 1; by default, the visible sheet whose header has the columns of a list to price.