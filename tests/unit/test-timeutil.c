/* Unit tests: local times, command-line dates, durations, zones. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "timeutil.h"

static int64_t
local(const char *s)
{
	int64_t t = -1;

	ck_assert_int_eq(timeutil_parse_local(s, strlen(s), &t), TIME_OK);
	return t;
}

static double
duration(const char *s)
{
	double d = -1;

	ck_assert_int_eq(timeutil_parse_duration(s, strlen(s), 0, &d), 0);
	return d;
}

START_TEST(test_date_args)
{
	int64_t t;

	ck_assert_int_eq(timeutil_set_zone("Europe/Berlin"), 0);
	ck_assert_int_eq(timeutil_parse_date_arg("2026-07-01T12:00:00", &t), 0);
	ck_assert_int_eq(t, 1782900000);	/* local: CEST */
	ck_assert_int_eq(timeutil_parse_date_arg("2026-07-01T10:00:00Z", &t),
	    0);
	ck_assert_int_eq(t, 1782900000);
	ck_assert_int_eq(timeutil_parse_date_arg("2026-07-01T15:30:00+05:30",
	    &t), 0);
	ck_assert_int_eq(t, 1782900000);
	ck_assert_int_eq(timeutil_parse_date_arg("2026-07-01T05:00:00-0500",
	    &t), 0);
	ck_assert_int_eq(t, 1782900000);
	ck_assert_int_eq(timeutil_parse_date_arg("@1782900000", &t), 0);
	ck_assert_int_eq(t, 1782900000);
	ck_assert_int_eq(timeutil_parse_date_arg("@", &t), -1);
	ck_assert_int_eq(timeutil_parse_date_arg("@12x", &t), -1);
	ck_assert_int_eq(timeutil_parse_date_arg("2026-07-01T10:00:00+25:00",
	    &t), -1);
	ck_assert_int_eq(timeutil_parse_date_arg("2026-07-01T10:00:00Q", &t),
	    -1);
	ck_assert_int_eq(timeutil_parse_date_arg("2026-02-30", &t), -1);
	ck_assert_int_eq(timeutil_set_zone("UTC"), 0);
}
END_TEST

/* The hour repeated at the October fall-back has two readings. */
START_TEST(test_local_other)
{
	int64_t t, other;

	ck_assert_int_eq(timeutil_set_zone("Europe/Berlin"), 0);
	ck_assert_int_eq(timeutil_parse_date_arg("2026-10-25T02:30:00", &t), 0);
	ck_assert_int_eq(timeutil_local_other(t, &other), 1);
	ck_assert_int_eq(llabs((long long)(other - t)), 3600);
	ck_assert_int_eq(timeutil_parse_date_arg("2026-10-25T04:30:00", &t), 0);
	ck_assert_int_eq(timeutil_local_other(t, &other), 0);
	ck_assert_int_eq(timeutil_set_zone("UTC"), 0);
}
END_TEST

START_TEST(test_days_from_civil)
{
	ck_assert_int_eq(timeutil_days_from_civil(1970, 1, 1), 0);
	ck_assert_int_eq(timeutil_days_from_civil(2000, 3, 1), 11017);
	ck_assert_int_eq(timeutil_days_from_civil(1969, 12, 31), -1);
	ck_assert_int_eq(timeutil_days_from_civil(2026, 11, 21), 20778);
}
END_TEST

START_TEST(test_local_utc)
{
	ck_assert_int_eq(timeutil_set_zone("UTC"), 0);
	ck_assert_int_eq(local("2026-11-21T05:26:41"), 1795238801);
	ck_assert_int_eq(local("1970-01-01T00:00:00"), 0);
}
END_TEST

START_TEST(test_local_zone_and_dst)
{
	ck_assert_int_eq(timeutil_set_zone("Europe/Berlin"), 0);
	/* CEST (+2) in summer, CET (+1) in winter */
	ck_assert_int_eq(local("2026-07-01T12:00:00"), 1782900000);
	ck_assert_int_eq(local("2026-12-01T12:00:00"), 1796122800);
	/* the same hour twice, from the cache, gives the same answer */
	ck_assert_int_eq(local("2026-07-01T12:59:59"), 1782903599);
	ck_assert_int_eq(local("2026-07-01T12:00:00"), 1782900000);
	/* the last hour before and the first after the October change */
	ck_assert_int_eq(local("2026-10-25T01:30:00"), 1792884600);
	ck_assert_int_eq(local("2026-10-25T03:30:00"), 1792895400);
	ck_assert_int_eq(timeutil_set_zone("UTC"), 0);
}
END_TEST

START_TEST(test_local_unknown_and_bad)
{
	int64_t t;

	ck_assert_int_eq(timeutil_parse_local("Unknown", 7, &t), TIME_UNKNOWN);
	ck_assert_int_eq(timeutil_parse_local("None", 4, &t), TIME_UNKNOWN);
	ck_assert_int_eq(timeutil_parse_local("", 0, &t), TIME_UNKNOWN);
	ck_assert_int_eq(timeutil_parse_local("2026-13-01T00:00:00", 19, &t),
	    TIME_BAD);
	ck_assert_int_eq(timeutil_parse_local("2026-02-29T00:00:00", 19, &t),
	    TIME_BAD);
	ck_assert_int_eq(timeutil_parse_local("2026-01-01 00:00:00", 19, &t),
	    TIME_BAD);
	ck_assert_int_eq(timeutil_parse_local("2026-01-01T24:00:00", 19, &t),
	    TIME_BAD);
	ck_assert_int_eq(timeutil_parse_local("2026-01-01", 10, &t), TIME_BAD);
}
END_TEST

START_TEST(test_date_arg)
{
	int64_t t;

	ck_assert_int_eq(timeutil_set_zone("UTC"), 0);
	ck_assert_int_eq(timeutil_parse_date_arg("2026-10-01", &t), 0);
	ck_assert_int_eq(t, 1790812800);
	ck_assert_int_eq(timeutil_parse_date_arg("2026-10-01T06:00:00", &t), 0);
	ck_assert_int_eq(t, 1790812800 + 6 * 3600);
	ck_assert_int_eq(timeutil_parse_date_arg("2026-10", &t), -1);
	ck_assert_int_eq(timeutil_parse_date_arg("yesterday", &t), -1);
	ck_assert_int_eq(timeutil_parse_date_arg("2026-10-32", &t), -1);
	ck_assert_int_eq(timeutil_parse_date_arg("2026-10-01T6:00:00", &t), -1);
}
END_TEST

START_TEST(test_durations)
{
	double d;

	ck_assert_double_eq(duration("00:00:00"), 0);
	ck_assert_double_eq(duration("02:35:49"), 9349);
	ck_assert_double_eq(duration("1-02:03:04"), 93784);
	ck_assert_double_eq(duration("365-00:00:00"), 31536000);
	ck_assert_double_eq(duration("12:34"), 754);
	ck_assert_double_eq_tol(duration("00:01.500"), 1.5, 1e-9);
	ck_assert_double_eq_tol(duration("07:29:58.500"), 26998.5, 1e-9);
	ck_assert_double_eq(duration("2-12"), 216000);
	ck_assert_double_eq(duration("2-12:30"), 217800);
	ck_assert_double_eq(duration("90"), 5400);	/* minutes */
	ck_assert_double_eq(duration("100:00:00"), 360000);
	ck_assert_int_eq(timeutil_parse_duration("90", 2, 1, &d), 0);
	ck_assert_double_eq(d, 90);			/* plain seconds */
	ck_assert_int_eq(timeutil_parse_duration("", 0, 0, &d), -1);
	ck_assert_int_eq(timeutil_parse_duration("UNLIMITED", 9, 0, &d), -1);
	ck_assert_int_eq(timeutil_parse_duration("1:2:3:4", 7, 0, &d), -1);
	ck_assert_int_eq(timeutil_parse_duration("1-", 2, 0, &d), -1);
	ck_assert_int_eq(timeutil_parse_duration("01:00:", 6, 0, &d), -1);
	ck_assert_int_eq(timeutil_parse_duration("-1:00", 5, 0, &d), -1);
}
END_TEST

START_TEST(test_zones)
{
	ck_assert_int_eq(timeutil_set_zone("Mars/Olympus_Mons"), -1);
	ck_assert_int_eq(timeutil_set_zone(""), -1);
	ck_assert_int_eq(timeutil_set_zone("../../etc/passwd"), -1);
	ck_assert_int_eq(timeutil_set_zone("CET-1CEST"), 0);
	ck_assert_str_eq(timeutil_zone_name(), "CET-1CEST");
	ck_assert_int_eq(timeutil_set_zone("America/New_York"), 0);
	ck_assert_str_eq(timeutil_zone_name(), "America/New_York");
	ck_assert_int_eq(timeutil_set_zone("UTC"), 0);
}
END_TEST

Suite *
timeutil_suite(void)
{
	Suite *s = suite_create("timeutil");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_date_args);
	tcase_add_test(tc, test_local_other);
	tcase_add_test(tc, test_days_from_civil);
	tcase_add_test(tc, test_local_utc);
	tcase_add_test(tc, test_local_zone_and_dst);
	tcase_add_test(tc, test_local_unknown_and_bad);
	tcase_add_test(tc, test_date_arg);
	tcase_add_test(tc, test_durations);
	tcase_add_test(tc, test_zones);
	suite_add_tcase(s, tc);
	return s;
}
