// The "did you mean" helper lives in Attribution.IO, which the config reader shares; the CLI uses it everywhere.
global using Attribution.IO.Internal;
