/*!
The command line, as clap sees it. Nothing here decides anything: `main.rs`
turns these values into calls to the library. The same [`Cli::command`] feeds
`--help`, the shell completions and the man page.
*/

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  dues quote --budget \"2,3 M€\" --kind commune
  dues quote --budget \"1 500 000 €\" --kind \"Conseil départemental\" --network-strategy non
  dues quote --budget \"1,2 Md€\" --kind région --network-strategy oui --format json
  dues tiers
  dues check next-year.toml
  dues --tiers tiers-2023.toml quote --budget 850k --kind association

Exit codes: 0 done; 1 the input cannot be quoted (bad budget, unknown kind,
missing network strategy); 2 usage error or invalid tier table.";

const QUOTE_EXAMPLES: &str = "\
Amounts are read as French people write them: 2300000, 2 300 000, 2 300 000,50 €,
2,3 M€, 2.3M, 850 k€, 1,2 Md€. `1,500` and `1.500` are refused as ambiguous.

Examples:
  dues quote --budget \"2,3 M€\" --kind commune
  dues quote --budget \"850 k€\" --kind association --name \"Les Ateliers\" --explain
  dues quote --budget \"1,2 Md€\" --kind \"Conseil régional\" --network-strategy oui
  dues quote --budget 12000000 --kind departement --network-strategy no --format json";

const BATCH_EXAMPLES: &str = "\
Reads French Excel exports as they are: `;` or `,` or tab, Windows-1252 or UTF-8
(with or without BOM), CRLF or LF, budgets such as `1 500 000,00 €`. Columns are
found by header (nom/name, type/kind, budget annuel (€)/budget, stratégie
d'entraînement/network_strategy). Every row is written back, in order, with its
fields untouched, plus tier, fee, fee_basis and error, in the input's dialect.

Exit codes: 0 every row priced; 1 some row in error (or --strict stopped);
2 the batch could not start (usage, table, unreadable input, missing column).

Examples:
  dues batch prospects.csv -o prospects-chiffres.csv --summary
  dues batch --format jsonl < prospects.csv
  dues batch export.csv --budget-column \"Budget 2022\" --kind-column Statut";

/// Quote the membership dues of La 27e Région.
///
/// Reads the tier table of the « Adhésion 2022 » leaflet (built in, or another
/// year's with --tiers), classifies an organisation by annual budget and kind,
/// and prints the fee, why, and the benefits of membership.
#[derive(Debug, Parser)]
#[command(name = "dues", version, after_help = EXAMPLES, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct Global {
    /// Tier table to use instead of the built-in 2022 one (`-`: stdin).
    /// (An empty DUES_TIERS means the built-in table too.)
    #[arg(long, global = true, env = "DUES_TIERS", value_name = "FILE", value_parser = clap::value_parser!(std::ffi::OsString))]
    pub tiers: Option<std::ffi::OsString>,
    /// Language of the output.
    #[arg(long, global = true, value_enum, default_value_t = LangArg::Fr)]
    pub lang: LangArg,
    /// When to use bold and colour (`auto` honours NO_COLOR and pipes).
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Quote the dues of one organisation.
    #[command(after_help = QUOTE_EXAMPLES)]
    Quote(QuoteArgs),
    /// Price a CSV of prospects: every row back, in order, with its dues.
    #[command(after_help = BATCH_EXAMPLES)]
    Batch(BatchArgs),
    /// Show the whole tier table: each tier's condition, its fee, and the benefits.
    #[command(
        after_help = "Examples:\n  dues tiers\n  dues tiers --format json --lang en\n  dues tiers --format toml > tiers-2023.toml   # start next year's table"
    )]
    Tiers {
        /// `table`: for people; `json`: every bound, kind and alias;
        /// `toml`: the table's source (a valid table only).
        #[arg(long, value_enum, default_value_t = TiersFormat::Table)]
        format: TiersFormat,
    },
    /// Validate a tier table and run its examples; list every problem.
    Check {
        /// The table to check (default: the selected table; `-`: stdin).
        file: Option<PathBuf>,
    },
    /// Print a shell completion script.
    #[command(
        after_help = "Example:\n  dues completions bash > ~/.local/share/bash-completion/completions/dues"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    #[command(after_help = "Example:\n  dues man > dues.1 && man ./dues.1")]
    Man,
}

#[derive(Debug, Args)]
pub struct QuoteArgs {
    /// Annual budget, e.g. 2300000, "2 300 000 €", "2,3 M€", "850 k€".
    #[arg(long, allow_hyphen_values = true, value_name = "AMOUNT")]
    pub budget: String,
    /// Kind of organisation: region, departement, metropole, commune, epci,
    /// public, private, or a label or alias of one (« Conseil régional »…).
    #[arg(long, value_name = "KIND")]
    pub kind: String,
    /// Does it have a strategy of drawing the smaller authorities of its
    /// territory along? yes/no (also oui/non, true/false, 1/0, o/n, y/n).
    /// Required for a Région, Département or Métropole.
    #[arg(long, value_name = "ANSWER", allow_hyphen_values = true)]
    pub network_strategy: Option<String>,
    /// Name of the organisation, echoed in the output.
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long, value_enum, default_value_t = QuoteFormat::Table)]
    pub format: QuoteFormat,
    /// Show which rule applied and which did not, with the numbers.
    #[arg(long)]
    pub explain: bool,
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// The CSV to price (`-` or absent: stdin).
    pub input: Option<PathBuf>,
    /// Write to FILE instead of stdout: a temporary file in the same folder,
    /// renamed when complete, so a failure never leaves half a file.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// `csv`: the input's own dialect; `jsonl`: one JSON object per row.
    #[arg(long, value_enum, default_value_t = BatchFormat::Csv)]
    pub format: BatchFormat,
    /// Field delimiter: auto, `,`, `;`, tab or `|` (auto: the one that splits
    /// the first lines most consistently; tab for a .tsv file).
    #[arg(long, default_value = "auto", value_parser = parse_delimiter, value_name = "auto|,|;|tab|'|'")]
    pub delimiter: Delimiter,
    /// Text encoding (auto: UTF-16 if it starts with its BOM, else strict
    /// UTF-8, else Windows-1252). The output is written in the same one.
    #[arg(long, value_enum, default_value_t = EncodingArg::Auto)]
    pub encoding: EncodingArg,
    /// Header of the name column (default: found by name).
    #[arg(long, value_name = "HEADER")]
    pub name_column: Option<String>,
    /// Header of the kind column.
    #[arg(long, value_name = "HEADER")]
    pub kind_column: Option<String>,
    /// Header of the budget column.
    #[arg(long, value_name = "HEADER")]
    pub budget_column: Option<String>,
    /// Header of the network-strategy column.
    #[arg(long, value_name = "HEADER")]
    pub strategy_column: Option<String>,
    /// Stop at the first bad row (exit 1), writing nothing to -o.
    #[arg(long)]
    pub strict: bool,
    /// Print rows and dues per tier, and the total, on stderr.
    #[arg(long)]
    pub summary: bool,
}

/// A delimiter, or `None` for auto.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Delimiter(pub Option<u8>);

fn parse_delimiter(value: &str) -> Result<Delimiter, String> {
    match value {
        "auto" => Ok(Delimiter(None)),
        "," | ";" | "|" => Ok(Delimiter(Some(value.as_bytes()[0]))),
        "tab" | "\t" => Ok(Delimiter(Some(b'\t'))),
        _ => Err("expected auto, `,`, `;`, tab or `|`".to_string()),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BatchFormat {
    Csv,
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EncodingArg {
    Auto,
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    #[value(name = "windows-1252", alias = "cp1252", alias = "latin1")]
    Windows1252,
    #[value(name = "utf-16le", alias = "utf16le")]
    Utf16Le,
    #[value(name = "utf-16be", alias = "utf16be")]
    Utf16Be,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Fr,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuoteFormat {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TiersFormat {
    Table,
    Json,
    Toml,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
