/*!
UTF-16 in and out: Excel's « Texte Unicode » export is UTF-16LE with a BOM.

The batch reads and writes UTF-8 internally: [`Decoder`] turns the UTF-16
input into UTF-8 as it streams, and [`Encoder`] turns the UTF-8 output back
into the input's UTF-16, so a file comes back in the encoding it came in.
Valid UTF-16 goes through both unchanged; a lone surrogate is an error, not a
replacement character.
*/

use std::io::{self, Read, Write};

/// Why UTF-16 could not be read or written (inside an `io::Error` of kind
/// `InvalidData`; the text layer words it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Utf16Error {
    /// A lone surrogate or an odd byte, near this offset of the input.
    #[error("malformed UTF-16 near byte {offset}")]
    Malformed { offset: u64 },
    /// The output to encode is not UTF-8 (never, for the batch's own).
    #[error("output not UTF-8")]
    NotUtf8,
}

/// Which UTF-16.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endian {
    Little,
    Big,
}

/// Reads UTF-16 (without its BOM) as UTF-8.
pub struct Decoder<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    /// The block read last, decoded whole: its first `raw_len` bytes.
    raw: Vec<u8>,
    raw_len: usize,
    eof: bool,
    /// The decoder has been told the input ended: it must not be used again.
    finished: bool,
    out: Vec<u8>,
    out_pos: usize,
    /// Bytes of input consumed, to say where a bad one is.
    offset: u64,
}

impl<R: Read> Decoder<R> {
    /// `offset`: where in the file `inner` starts (after the BOM).
    pub fn new(inner: R, endian: Endian, offset: u64) -> Self {
        let encoding = match endian {
            Endian::Little => encoding_rs::UTF_16LE,
            Endian::Big => encoding_rs::UTF_16BE,
        };
        Decoder {
            inner,
            decoder: encoding.new_decoder_without_bom_handling(),
            raw: vec![0; 1 << 16],
            raw_len: 0,
            eof: false,
            finished: false,
            out: Vec::with_capacity(1 << 17),
            out_pos: 0,
            offset,
        }
    }

    /// Decodes the next block into `out`, left empty at the end. Each block
    /// read is decoded whole (`out` is made room enough for it).
    fn fill(&mut self) -> io::Result<()> {
        use encoding_rs::DecoderResult;
        self.out.clear();
        self.out_pos = 0;
        if self.finished {
            return Ok(());
        }
        while self.out.is_empty() {
            if !self.eof {
                self.raw_len = loop {
                    match self.inner.read(&mut self.raw) {
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                        other => break other?,
                    }
                };
                self.eof = self.raw_len == 0;
            }
            if self.eof {
                // Flush what the decoder holds: an odd byte or half a pair is an error.
                let mut tail = [0u8; 8];
                let (result, _, written) =
                    self.decoder
                        .decode_to_utf8_without_replacement(&[], &mut tail, true);
                self.finished = true;
                if let DecoderResult::Malformed(..) = result {
                    return Err(self.malformed());
                }
                self.out.extend_from_slice(&tail[..written]);
                return Ok(());
            }
            let input = &self.raw[..self.raw_len];
            let room = self
                .decoder
                .max_utf8_buffer_length_without_replacement(input.len())
                .unwrap_or(input.len() * 3 + 16);
            self.out.resize(room, 0);
            let (result, read, written) =
                self.decoder
                    .decode_to_utf8_without_replacement(input, &mut self.out, false);
            self.offset += read as u64;
            self.out.truncate(written);
            if let DecoderResult::Malformed(..) = result {
                return Err(self.malformed());
            }
        }
        Ok(())
    }

    fn malformed(&self) -> io::Error {
        let offset = self.offset;
        io::Error::new(io::ErrorKind::InvalidData, Utf16Error::Malformed { offset })
    }
}

impl<R: Read> Read for Decoder<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.out_pos == self.out.len() {
            self.fill()?;
        }
        // Nothing left to decode: 0, the end.
        let n = buf.len().min(self.out.len() - self.out_pos);
        buf[..n].copy_from_slice(&self.out[self.out_pos..self.out_pos + n]);
        self.out_pos += n;
        Ok(n)
    }
}

/// Writes UTF-8 as UTF-16.
pub struct Encoder<W> {
    inner: W,
    endian: Endian,
    /// The first bytes of a character cut between two writes.
    pending: Vec<u8>,
    out: Vec<u8>,
}

impl<W: Write> Encoder<W> {
    pub fn new(inner: W, endian: Endian) -> Self {
        Encoder {
            inner,
            endian,
            pending: Vec::with_capacity(4),
            out: Vec::new(),
        }
    }

    fn encode(&mut self, text: &str) {
        self.out.clear();
        for unit in text.encode_utf16() {
            self.out.extend(match self.endian {
                Endian::Little => unit.to_le_bytes(),
                Endian::Big => unit.to_be_bytes(),
            });
        }
    }
}

impl<W: Write> Write for Encoder<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let joined;
        let bytes = if self.pending.is_empty() {
            buf
        } else {
            joined = [&self.pending[..], buf].concat();
            &joined[..]
        };
        let (text, rest) = match std::str::from_utf8(bytes) {
            Ok(text) => (text, &[][..]),
            Err(e) if e.error_len().is_none() => {
                let (valid, rest) = bytes.split_at(e.valid_up_to());
                (std::str::from_utf8(valid).expect("valid up to"), rest)
            }
            Err(_) => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    Utf16Error::NotUtf8,
                ));
            }
        };
        self.encode(text);
        let rest = rest.to_vec();
        self.inner.write_all(&self.out)?;
        self.pending = rest;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                Utf16Error::NotUtf8,
            ));
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, endian: Endian) -> Vec<u8> {
        let mut out = Encoder::new(Vec::new(), endian);
        out.write_all(text.as_bytes()).unwrap();
        out.flush().unwrap();
        out.inner
    }

    /// Fails its first read with `first`, as a read of a pipe can be
    /// interrupted by a signal, or a disk fail; then gives `data`.
    struct Flaky<'a> {
        data: &'a [u8],
        first: Option<io::ErrorKind>,
    }

    impl Read for Flaky<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match self.first.take() {
                Some(kind) => Err(kind.into()),
                None => self.data.read(buf),
            }
        }
    }

    #[test]
    fn an_interrupted_read_is_tried_again_and_a_failed_one_fails() {
        let bytes = utf16("Région;Œuvre\n", Endian::Little);
        let decoder = |first| {
            Decoder::new(
                Flaky {
                    data: &bytes,
                    first,
                },
                Endian::Little,
                0,
            )
        };
        let mut buf = [0; 64];
        let n = decoder(Some(io::ErrorKind::Interrupted))
            .read(&mut buf)
            .unwrap();
        assert_eq!(&buf[..n], "Région;Œuvre\n".as_bytes());
        let failed = decoder(Some(io::ErrorKind::Other)).read(&mut buf);
        assert_eq!(failed.unwrap_err().kind(), io::ErrorKind::Other);
    }

    #[test]
    fn what_is_written_must_be_utf8_whole() {
        // Refused when written, not only at the end.
        let mut out = Encoder::new(Vec::new(), Endian::Little);
        assert!(out.write(b"a\xffb").is_err());
        // A character cut at the end of what was written is refused once
        // nothing more is to come.
        let mut out = Encoder::new(Vec::new(), Endian::Little);
        out.write_all("é".as_bytes().split_at(1).0).unwrap();
        assert!(out.flush().is_err());
        // Whole, it is flushed through.
        let mut out = Encoder::new(io::BufWriter::new(Vec::new()), Endian::Little);
        out.write_all("é".as_bytes()).unwrap();
        out.flush().unwrap();
        assert_eq!(out.inner.get_ref(), &[0xE9, 0x00]);
    }

    #[test]
    fn round_trips_every_plane_whatever_the_cuts() {
        let text = "Région;Œuvre d’Orient;€;𝔘𝔫𝔦𝔠𝔬𝔡𝔢;\r\n".repeat(5000);
        for endian in [Endian::Little, Endian::Big] {
            let bytes = utf16(&text, endian);
            // Read back one byte at a time, then in one go.
            let mut decoded = Vec::new();
            let mut reader = Decoder::new(&bytes[..], endian, 2);
            let mut byte = [0u8; 1];
            while reader.read(&mut byte).unwrap() == 1 {
                decoded.push(byte[0]);
            }
            assert_eq!(String::from_utf8(decoded).unwrap(), text);
            let mut all = String::new();
            Decoder::new(&bytes[..], endian, 2)
                .read_to_string(&mut all)
                .unwrap();
            assert_eq!(all, text);
            // Written back a byte at a time: the same UTF-16.
            let mut out = Encoder::new(Vec::new(), endian);
            for b in text.as_bytes() {
                out.write_all(std::slice::from_ref(b)).unwrap();
            }
            out.flush().unwrap();
            assert_eq!(out.inner, bytes);
        }
    }

    #[test]
    fn a_lone_surrogate_or_an_odd_byte_is_an_error() {
        let lone = [0x41, 0x00, 0x00, 0xD8, 0x41, 0x00];
        let mut s = String::new();
        let err = Decoder::new(&lone[..], Endian::Little, 2)
            .read_to_string(&mut s)
            .unwrap_err();
        let inner = err.get_ref().and_then(|e| e.downcast_ref::<Utf16Error>());
        assert_eq!(inner, Some(&Utf16Error::Malformed { offset: 6 }), "{err:?}");
        let odd = [0x41, 0x00, 0x42];
        assert!(
            Decoder::new(&odd[..], Endian::Little, 2)
                .read_to_string(&mut s)
                .is_err()
        );
    }
}
