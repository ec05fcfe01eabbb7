package neo4jlocal

// SetExtraJavas replaces the well-known Java locations for a test.
func SetExtraJavas(v []string) (restore func()) {
	old := extraJavas
	extraJavas = v
	return func() { extraJavas = old }
}
