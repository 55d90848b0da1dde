//! Gazetteer, toponym recognition and place resolution. Owned by the geocoding work.
