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
    #[arg(long, global = true, env = "DUES_TIERS", value_name = "FILE")]
    pub tiers: Option<PathBuf>,
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
    /// Show the whole tier table: each tier's condition, its fee, and the benefits.
    Tiers {
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
