//! Integration tests of the annotate stage: data-driven cases, snapshots, properties, TimeML
//! round trip and the TBAQ evaluation floor.

mod cases;
mod props;
mod snapshot;
mod tbaq;
