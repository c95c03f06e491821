//! Integration tests of the extract stage, one module per part; inputs under `tests/data`.
mod attribution;
mod certainty;
mod events;
mod muc4;
mod quantity;
mod wikievents;
