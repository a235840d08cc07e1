//! The table loader never panics, whatever the text: it loads or says why.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(table) = dues_core::load(text, "fuzz.toml") {
        // A table that loads can quote anything without panicking.
        for budget in ["0", "1 499 999,99", "10 000 000,01", "1 000 000 000 000 000"] {
            for kind in table.kinds.iter().map(|k| k.id.as_str()) {
                for strategy in [None, Some("oui"), Some("non")] {
                    let _ = dues_core::classify::quote(
                        &table,
                        dues_core::classify::Request {
                            budget,
                            kind,
                            strategy,
                        },
                    );
                }
            }
        }
    }
});
