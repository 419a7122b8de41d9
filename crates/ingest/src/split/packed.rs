//! Number columns of a [`super::RangePart`] (and of its keys) written as one run of
//! little-endian bytes instead of number by number, so a helper's million
//! orders cross to the session worker in a copy rather than a million
//! variable-length encodings (docs/ingest/speed.md#parallel-read).
//! Used as `#[serde(with = "packed")]` on `Vec<T>` fields. Many strings are
//! packed as one, with a column of where each ends ([`span`], [`ends_fit`]).

use bytemuck::Pod;
use serde::de::{Error, Visitor};
use serde::{Deserializer, Serializer};
use std::fmt;
use std::marker::PhantomData;
use std::ops::Range;

// A number's bytes in memory are its little-endian form on every target
// Segscope is built for (WebAssembly, x86-64, AArch64).
const _: () = assert!(
    cfg!(target_endian = "little"),
    "packed columns assume a little-endian target"
);

/// Where string `i` lies in strings packed one after another, `ends[k]`
/// being where string `k` ends; `None` past the last.
pub(crate) fn span(ends: &[u64], i: usize) -> Option<Range<usize>> {
    let start = match i {
        0 => 0,
        _ => *ends.get(i - 1)?,
    };
    Some(start as usize..*ends.get(i)? as usize)
}

/// True when `ends` rise (or stay) and the last lies within `len` bytes:
/// every [`span`] is then inside the packed strings.
pub(crate) fn ends_fit(ends: &[u64], len: usize) -> bool {
    ends.windows(2).all(|w| w[0] <= w[1]) && ends.last().is_none_or(|&end| end as usize <= len)
}

/// Writes `values` as one byte string: their bytes as they lie in memory,
/// with no copy first.
pub(crate) fn serialize<T: Pod, S: Serializer>(values: &[T], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_bytes(bytemuck::cast_slice(values))
}

/// Reads values written by [`serialize`], straight from the message's bytes
/// into the column (a part can be hundreds of megabytes).
pub(crate) fn deserialize<'de, T: Pod, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
    struct Numbers<T>(PhantomData<T>);
    impl<'de, T: Pod> Visitor<'de> for Numbers<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a byte string")
        }
        fn visit_bytes<E: Error>(self, bytes: &[u8]) -> Result<Vec<T>, E> {
            if !bytes.len().is_multiple_of(std::mem::size_of::<T>()) {
                return Err(E::custom("packed numbers cut short"));
            }
            Ok(bytemuck::pod_collect_to_vec(bytes))
        }
    }
    deserializer.deserialize_bytes(Numbers(PhantomData))
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Columns {
        #[serde(with = "super")]
        a: Vec<f64>,
        #[serde(with = "super")]
        b: Vec<u128>,
        #[serde(with = "super")]
        c: Vec<i32>,
    }

    #[test]
    fn columns_read_back_bit_for_bit() {
        let columns = Columns {
            a: vec![0.1, -2.5, f64::MAX, 1e-300],
            b: vec![u128::MAX, 0, 1 << 100],
            c: vec![-1, i32::MIN, 7],
        };
        let bytes = postcard::to_allocvec(&columns).unwrap();
        assert_eq!(postcard::from_bytes::<Columns>(&bytes).unwrap(), columns);
        let cut = &bytes[..bytes.len() - 1];
        assert!(postcard::from_bytes::<Columns>(cut).is_err());
    }
}
