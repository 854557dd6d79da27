/* ra-catalogue-compare.h — one oracle for the catalogue readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ra-catalogue.h"

G_BEGIN_DECLS

/* Asserts that a and b hold the same actions, with every member, input
 * and output equal, and the same skipped entries (index, ID, path,
 * reason). */
void ra_test_assert_same_catalogue (RaCatalogue *a,
                                    RaCatalogue *b);

G_END_DECLS
