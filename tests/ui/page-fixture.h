/* page-fixture.h — the action page in a window, against the simulator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ra-action-page-private.h"
#include "ra-client.h"
#include "ra-confirm-dialog.h"
#include "ra-device-editor.h"
#include "ra-input-row.h"
#include "ra-remote-action.h"
#include "ra-session-private.h"
#include "ra-simulator.h"
#include "ra-test-common.h"

G_BEGIN_DECLS

/* The bound of every wait on the page. */
#define WAIT_SECONDS 15

/* An action with each kind of input, a data collection without inputs,
 * and one that is not enabled for the API. */
extern const char form_action_json[];
extern const char collect_action_json[];
extern const char locked_action_json[];

typedef struct
{
  RaSimulator    *sim;
  RaClient       *client;
  RaSession      *session;
  GtkWidget      *window;
  RaActionPage   *page;
  RaRemoteAction *form_action;
  RaRemoteAction *collect_action;
  RaRemoteAction *locked_action;
} Fixture;

JsonNode        *parse_json         (const char       *text);
/* Adds the action to the simulator; returns it as the list would. */
RaRemoteAction  *add_action         (RaSimulator      *sim,
                                     const char       *json);
void             fixture_set_up     (Fixture          *fixture,
                                     gconstpointer     data);
void             fixture_tear_down  (Fixture          *fixture,
                                     gconstpointer     data);
/* Shows action and waits for its details. */
void             select_action      (Fixture          *fixture,
                                     RaRemoteAction   *action);
RaRunForm       *get_form           (Fixture          *fixture);
RaDeviceEditor  *get_devices        (Fixture          *fixture);
RaInputRow      *get_input          (Fixture          *fixture,
                                     const char       *id);
/* n random collector IDs with mixed separators. */
char            *make_devices       (guint             n,
                                     GStrv            *out_ids);
/* Fills the form of form_action_json with n_devices devices. */
void             fill_form          (Fixture          *fixture,
                                     guint             n_devices,
                                     GStrv            *out_ids);
guint            count_executes     (Fixture          *fixture);
/* Answers the confirmation the way a click on a button does. */
void             respond            (RaConfirmDialog  *dialog,
                                     const char       *response);
RaConfirmDialog *open_confirmation  (Fixture          *fixture);
/* Confirms, checks nothing more can be sent, waits for the answer. */
void             confirm_and_wait   (Fixture          *fixture);
/* The body of the one execute request the simulator received. */
JsonObject      *get_execute_body   (Fixture          *fixture,
                                     JsonNode        **out_node);
/* What fill_form() entered is still there and could run again. */
void             assert_form_intact (Fixture          *fixture,
                                     const char       *devices_text);

/* Sets up GTK on a headless display (or skips), then runs the tests
 * add_tests registers. */
int              page_fixture_main  (int               argc,
                                     char             *argv[],
                                     void            (*add_tests) (void));

G_END_DECLS
