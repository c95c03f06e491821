//! Integration tests of the extract stage, one module per part; inputs under `tests/data`.
mod muc4;
mod attribution;
mod certainty;
mod quantity;
mod wikievents;
