/*!
Every output of `dues`, one module per format: the human views (comfy-table),
JSON, CSV and JSON lines. The batch writers implement [`crate::batch::RowSink`],
as ripgrep's printers implement its `Sink`: a new format is a new module.

Each reads typed values and the table, takes its words from the text layer
([`crate::i18n`]), and decides nothing. The four fields a quote appends to a
row come from one function, [`outcome::appended`], that every writer calls.
*/

pub mod csv;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod letter;
pub mod outcome;
pub mod xlsx;
