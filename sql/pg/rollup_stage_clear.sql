-- Empty rollup_stage after its changes are added.
TRUNCATE rollup_stage
