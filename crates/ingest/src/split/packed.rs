//! Number columns of a [`super::RangePart`] written as one run of
//! little-endian bytes instead of number by number, so a helper's million
//! orders cross to the session worker in a copy rather than a million
//! variable-length encodings (docs/ingest/speed.md#parallel-read).
//! Used as `#[serde(with = "packed")]` on `Vec<T>` fields.

use serde::de::{Error, Visitor};
use serde::{Deserializer, Serializer};
use std::fmt;
use std::marker::PhantomData;

/// A number with a fixed-width little-endian form.
pub(super) trait Packable: Sized + Copy {
    /// Bytes per number.
    const WIDTH: usize;
    /// Appends the number's bytes.
    fn put(self, out: &mut Vec<u8>);
    /// The number from exactly [`Self::WIDTH`] bytes.
    fn get(bytes: &[u8]) -> Self;
}

macro_rules! packable {
    ($($t:ty),*) => {$(
        impl Packable for $t {
            const WIDTH: usize = std::mem::size_of::<$t>();
            fn put(self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
            fn get(bytes: &[u8]) -> Self {
                let mut raw = [0u8; std::mem::size_of::<$t>()];
                raw.copy_from_slice(bytes);
                <$t>::from_le_bytes(raw)
            }
        }
    )*};
}

packable!(u16, u32, i32, u64, u128, f64);

/// Writes `values` as one byte string.
pub(super) fn serialize<T: Packable, S: Serializer>(values: &[T], serializer: S) -> Result<S::Ok, S::Error> {
    let mut bytes = Vec::with_capacity(values.len() * T::WIDTH);
    for v in values {
        v.put(&mut bytes);
    }
    serializer.serialize_bytes(&bytes)
}

/// Reads values written by [`serialize`], straight from the message's bytes
/// (no copy of them first: a part can be hundreds of megabytes).
pub(super) fn deserialize<'de, T: Packable, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
    struct Numbers<T>(PhantomData<T>);
    impl<'de, T: Packable> Visitor<'de> for Numbers<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a byte string")
        }
        fn visit_bytes<E: Error>(self, bytes: &[u8]) -> Result<Vec<T>, E> {
            if !bytes.len().is_multiple_of(T::WIDTH) {
                return Err(E::custom("packed numbers cut short"));
            }
            Ok(bytes.chunks_exact(T::WIDTH).map(T::get).collect())
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
