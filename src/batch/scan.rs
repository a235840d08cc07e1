//! Plain lines found 32 bytes at a time: each block of input compared
//! with the delimiter, `\n`, `"` and `\r` at once (one SIMD comparison each,
//! through `wide`, which is SSE2 on x86-64 and NEON on ARM), giving a bit per
//! byte. A line csv would split at its delimiters alone is then read from
//! the bits; any other is left to csv_core.

use wide::u8x32;

/// Why a line is not plain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotPlain {
    /// A `"`, or a `\r` not just before the `\n`, before the line's end.
    Special,
    /// No `\n` in the bytes: the line may go on past them.
    NoNewline,
}

/// The bytes of a block.
const WIDTH: usize = 32;

/// The masks of a block: bit `i` for its byte `i`.
struct Block {
    delimiters: u32,
    newlines: u32,
    /// `"` and `\r`: rare, told apart only when met.
    specials: u32,
    /// The bit of its last byte.
    last: u32,
}

impl Block {
    /// The block of `bytes` at `at`: [`WIDTH`] bytes, or the last ones.
    fn at(bytes: &[u8], at: usize, delimiter: u8) -> Block {
        if let Some(Ok(block)) = bytes.get(at..at + WIDTH).map(<[u8; WIDTH]>::try_from) {
            return Block::of(block, WIDTH, delimiter);
        }
        let mut block = [0; WIDTH];
        let part = &bytes[at..];
        block[..part.len()].copy_from_slice(part);
        Block::of(block, part.len(), delimiter)
    }

    /// The masks of the first `len` bytes of `block`.
    fn of(block: [u8; WIDTH], len: usize, delimiter: u8) -> Block {
        let valid = u32::MAX >> (WIDTH - len);
        let v = u8x32::new(block);
        let eq = |c: u8| v.simd_eq(u8x32::splat(c));
        Block {
            delimiters: eq(delimiter).to_bitmask() & valid,
            newlines: eq(b'\n').to_bitmask() & valid,
            specials: (eq(b'"') | eq(b'\r')).to_bitmask() & valid,
            last: 1 << (len - 1),
        }
    }
}

/// The first line of `bytes` if csv would split it at its delimiters alone:
/// ended by a `\n`, no `"` in it, no `\r` but just before its `\n`. Gives the
/// line's length before its `\n`, and puts in `delimiters` where each of its
/// delimiters is. `delimiter` is none of `"`, `\r`, `\n`.
pub fn plain_line(
    bytes: &[u8],
    delimiter: u8,
    delimiters: &mut Vec<usize>,
) -> Result<usize, NotPlain> {
    delimiters.clear();
    // The last block ended with a `\r`: a `\n` must start this one.
    let mut cr_before = false;
    let mut at = 0;
    while at < bytes.len() {
        let block = Block::at(bytes, at, delimiter);
        // The bytes before the line's end, and where a `\r` may be among
        // them: just before the `\n`, or last in the block.
        let (before, cr) = match block.newlines.trailing_zeros() {
            32 => (u32::MAX, block.last),
            0 => (0, 0),
            n => ((1 << n) - 1, 1 << (n - 1)),
        };
        let newline_first = block.newlines & 1 != 0;
        if block.specials & before & !cr != 0 || cr_before && !newline_first {
            return Err(NotPlain::Special);
        }
        // A special byte where a `\r` may be: which one?
        let cr_there = block.specials & cr != 0;
        if cr_there && bytes[at + cr.trailing_zeros() as usize] != b'\r' {
            return Err(NotPlain::Special);
        }
        let mut found = block.delimiters & before;
        while found != 0 {
            delimiters.push(at + found.trailing_zeros() as usize);
            found &= found - 1;
        }
        if block.newlines != 0 {
            return Ok(at + block.newlines.trailing_zeros() as usize);
        }
        cr_before = cr_there;
        at += WIDTH;
    }
    Err(NotPlain::NoNewline)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The same, a byte at a time.
    fn plain_line_slowly(bytes: &[u8], delimiter: u8) -> Result<(usize, Vec<usize>), NotPlain> {
        for (i, &b) in bytes.iter().enumerate() {
            let lone_cr = b == b'\r' && bytes.get(i + 1).is_some_and(|&next| next != b'\n');
            if b == b'\n' {
                let delimiters = (0..i).filter(|&j| bytes[j] == delimiter).collect();
                return Ok((i, delimiters));
            } else if b == b'"' || lone_cr {
                return Err(NotPlain::Special);
            }
        }
        Err(NotPlain::NoNewline)
    }

    fn fast(bytes: &[u8], delimiter: u8) -> Result<(usize, Vec<usize>), NotPlain> {
        let mut delimiters = Vec::new();
        plain_line(bytes, delimiter, &mut delimiters).map(|end| (end, delimiters))
    }

    #[test]
    fn a_line_is_read_to_its_newline_across_blocks() {
        let line = b"Commune de Saint-\xc3\x89tienne,commune,1 500 000,non,x@y.fr\nnext,";
        let end = line.iter().position(|&b| b == b'\n').unwrap();
        assert_eq!(fast(line, b','), Ok((end, vec![25, 33, 43, 47])));
        assert_eq!(fast(b"a;b\r\nc", b';'), Ok((4, vec![1])));
        assert_eq!(fast(b"\n", b','), Ok((0, vec![])));
    }

    #[test]
    fn a_quote_or_a_lone_cr_before_the_newline_is_not_plain() {
        assert_eq!(fast(b"a,\"b\",c\n", b','), Err(NotPlain::Special));
        assert_eq!(fast(b"a\rb\n", b','), Err(NotPlain::Special));
        // A `\r` ending one block, and no `\n` starting the next; a `"`
        // where a `\r` may be.
        let block = |end: &str| format!("{}{end}", "x".repeat(WIDTH - 1)).into_bytes();
        assert_eq!(fast(&block("\rx\n"), b','), Err(NotPlain::Special));
        assert_eq!(fast(&block("\r\nx"), b','), Ok((WIDTH, vec![])));
        assert_eq!(fast(&block("\"\nx"), b','), Err(NotPlain::Special));
        assert_eq!(fast(b"ab\"\n", b','), Err(NotPlain::Special));
        // After the line, anything.
        assert_eq!(fast(b"a,b\n\"\r", b','), Ok((3, vec![1])));
        assert_eq!(fast(b"a,b", b','), Err(NotPlain::NoNewline));
        assert_eq!(fast(b"", b','), Err(NotPlain::NoNewline));
    }

    proptest! {
        #[test]
        fn it_reads_what_a_byte_at_a_time_reads(
            bytes in proptest::collection::vec(
                prop_oneof![
                    8 => Just(b'a'),
                    2 => Just(b','),
                    1 => Just(b'\n'),
                    1 => Just(b'"'),
                    1 => Just(b'\r'),
                    1 => any::<u8>(),
                ],
                0..80,
            ),
        ) {
            prop_assert_eq!(fast(&bytes, b','), plain_line_slowly(&bytes, b','));
        }
    }
}
