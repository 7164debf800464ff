/* Runs every Check suite of hpcacct; exit status 0 when all pass. */
#include "config.h"

#include <stdlib.h>

#include "suites.h"

int
main(void)
{
	SRunner *sr = srunner_create(timeutil_suite());
	int failed;

	srunner_add_suite(sr, sacct_fields_suite());
	srunner_add_suite(sr, sacct_suite());
	srunner_add_suite(sr, pbs_fields_suite());
	srunner_add_suite(sr, k8s_suite());
	srunner_add_suite(sr, swf_suite());
	srunner_add_suite(sr, store_suite());
	srunner_add_suite(sr, render_suite());
	srunner_add_suite(sr, stats_suite());
	srunner_add_suite(sr, pipe_suite());
	srunner_add_suite(sr, slurmdbd_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
