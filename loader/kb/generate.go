package kb

// The base data: built from the shared datasets (../shared/data from the
// repository root) and the hand-filled files of manual/.
//go:generate go run ./importer -shared ../../../shared/data -manual manual -out data
