//! Minimal msgpack decoder for the subset srsly writes (spaCy's model files), with numpy arrays.

use crate::NerError;

/// A decoded msgpack value. srsly's numpy arrays become [`Value::Array`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Nil,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(String),
    Bin(Vec<u8>),
    List(Vec<Value>),
    Map(Vec<(Value, Value)>),
    /// A float32 ndarray (`nd` map): shape and data.
    Array(Vec<usize>, Vec<f32>),
}

impl Value {
    /// Looks up a map entry by string key (keys may be str or bin).
    pub(crate) fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Map(m) => m
                .iter()
                .find(|(k, _)| k.key_str() == Some(key))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    fn key_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            Value::Bin(b) => std::str::from_utf8(b).ok(),
            _ => None,
        }
    }

    pub(crate) fn as_str(&self) -> Option<&str> {
        self.key_str()
    }

    pub(crate) fn as_u64(&self) -> Option<u64> {
        match *self {
            Value::UInt(u) => Some(u),
            Value::Int(i) if i >= 0 => Some(i as u64),
            _ => None,
        }
    }

    pub(crate) fn as_list(&self) -> Option<&[Value]> {
        match self {
            Value::List(l) => Some(l),
            _ => None,
        }
    }

    pub(crate) fn as_map(&self) -> Option<&[(Value, Value)]> {
        match self {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }
}

/// Decodes one msgpack value from `buf`.
pub(crate) fn decode(buf: &[u8]) -> Result<Value, NerError> {
    let mut r = Reader { buf, pos: 0 };
    r.value()
}

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

fn bad(msg: &str) -> NerError {
    NerError::Format(format!("msgpack: {msg}"))
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], NerError> {
        let end = self
            .pos
            .checked_add(n)
            .ok_or_else(|| bad("length overflow"))?;
        let s = self
            .buf
            .get(self.pos..end)
            .ok_or_else(|| bad("unexpected end"))?;
        self.pos = end;
        Ok(s)
    }

    fn uint(&mut self, w: usize) -> Result<u64, NerError> {
        Ok(self
            .take(w)?
            .iter()
            .fold(0u64, |a, &b| (a << 8) | u64::from(b)))
    }

    fn len(&mut self, w: usize) -> Result<usize, NerError> {
        Ok(self.uint(w)? as usize)
    }

    fn str(&mut self, n: usize) -> Result<Value, NerError> {
        let b = self.take(n)?;
        let s = std::str::from_utf8(b).map_err(|_| bad("invalid utf-8 string"))?;
        Ok(Value::Str(s.to_owned()))
    }

    fn value(&mut self) -> Result<Value, NerError> {
        let b = self.take(1)?[0];
        Ok(match b {
            0x00..=0x7f => Value::UInt(u64::from(b)),
            0xe0..=0xff => Value::Int(i64::from(b as i8)),
            0x80..=0x8f => self.map(usize::from(b & 0x0f))?,
            0x90..=0x9f => self.list(usize::from(b & 0x0f))?,
            0xa0..=0xbf => self.str(usize::from(b & 0x1f))?,
            0xc0 => Value::Nil,
            0xc2 => Value::Bool(false),
            0xc3 => Value::Bool(true),
            0xc4..=0xc6 => {
                let n = self.len(1 << (b - 0xc4))?;
                Value::Bin(self.take(n)?.to_vec())
            }
            0xca => Value::Float(f64::from(f32::from_bits(self.uint(4)? as u32))),
            0xcb => Value::Float(f64::from_bits(self.uint(8)?)),
            0xcc..=0xcf => Value::UInt(self.uint(1 << (b - 0xcc))?),
            0xd0..=0xd3 => {
                let w = 1usize << (b - 0xd0);
                let u = self.uint(w)?;
                let shift = 64 - 8 * w as u32;
                Value::Int(((u << shift) as i64) >> shift)
            }
            0xd9..=0xdb => {
                let n = self.len(1 << (b - 0xd9))?;
                self.str(n)?
            }
            0xdc => {
                let n = self.len(2)?;
                self.list(n)?
            }
            0xdd => {
                let n = self.len(4)?;
                self.list(n)?
            }
            0xde => {
                let n = self.len(2)?;
                self.map(n)?
            }
            0xdf => {
                let n = self.len(4)?;
                self.map(n)?
            }
            _ => return Err(bad(&format!("unsupported byte 0x{b:02x}"))),
        })
    }

    fn list(&mut self, n: usize) -> Result<Value, NerError> {
        let mut out = Vec::with_capacity(n.min(1 << 16));
        for _ in 0..n {
            out.push(self.value()?);
        }
        Ok(Value::List(out))
    }

    fn map(&mut self, n: usize) -> Result<Value, NerError> {
        let mut out = Vec::with_capacity(n.min(1 << 16));
        for _ in 0..n {
            let k = self.value()?;
            let v = self.value()?;
            out.push((k, v));
        }
        let m = Value::Map(out);
        if m.get("nd") == Some(&Value::Bool(true)) {
            return to_array(&m);
        }
        Ok(m)
    }
}

fn to_array(m: &Value) -> Result<Value, NerError> {
    let ty = m.get("type").and_then(Value::as_str).unwrap_or("");
    if ty != "<f4" {
        return Err(bad(&format!("unsupported array dtype {ty:?}")));
    }
    let shape: Vec<usize> = m
        .get("shape")
        .and_then(Value::as_list)
        .ok_or_else(|| bad("array without shape"))?
        .iter()
        .map(|v| {
            v.as_u64()
                .map(|u| u as usize)
                .ok_or_else(|| bad("bad shape"))
        })
        .collect::<Result<_, _>>()?;
    let data = match m.get("data") {
        Some(Value::Bin(b)) => b,
        _ => return Err(bad("array without data")),
    };
    let n: usize = shape.iter().product();
    if data.len() != n * 4 {
        return Err(bad("array data size does not match its shape"));
    }
    let floats = data
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    Ok(Value::Array(shape, floats))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_scalars_and_containers() {
        // {"a": [1, -1, nil, true], "b": "xy"}
        let buf = [
            0x82, 0xa1, b'a', 0x94, 0x01, 0xff, 0xc0, 0xc3, 0xa1, b'b', 0xa2, b'x', b'y',
        ];
        let v = decode(&buf).unwrap();
        assert_eq!(
            v.get("a").unwrap(),
            &Value::List(vec![
                Value::UInt(1),
                Value::Int(-1),
                Value::Nil,
                Value::Bool(true)
            ])
        );
        assert_eq!(v.get("b").and_then(Value::as_str), Some("xy"));
        assert!(decode(&[0x92, 0x01]).is_err());
    }
}
