/*!
`dues` quotes the membership dues of La 27e Région from its tier table.

The domain — the table as data, exact amounts, classification — is the
`dues-core` crate: pure, typed, without a sentence. This crate adds what a
tool needs around it, in layers whose arrows point one way:
[`batch`] (pricing a CSV, streaming) ← [`failure`] (what ends a run) ←
[`i18n`] (every word, from the message catalogues) ← [`output`] (one writer
per format). The binary adds the command line, its settings and one handler
per command.
*/

pub mod batch;
pub mod failure;
pub mod i18n;
pub mod output;
