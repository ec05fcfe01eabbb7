// name: gds-version
// description: The Graph Data Science version of the server (fails when the GDS plugin is not installed).
CALL gds.version() YIELD gdsVersion
RETURN gdsVersion AS version
