// The Bot module.
