/* test-input-rows.c — the run form's input rows: choosing by keyboard,
 * accessible names, the platform note, the empty hint, a narrow window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-input-rows"

#include "config.h"

#include "ra-input-choice-row.h"
#include "ra-input-entry-row.h"
#include "ra-input-row-base.h"

#include "page-fixture.h"
#include "ra-test-utils.h"

/* Scripts for both platforms, and inputs for one, both, neither or
 * unknown platforms; long words where a narrow window hurts. */
static const char platforms_action_json[] =
  "{"
  "  \"id\": \"#ra_test_platforms\","
  "  \"uuid\": \"3f0c2a6e-1d4b-4c8a-9e7f-5a6b7c8d9e01\","
  "  \"name\": \"Set how the print queue and its service start after a restart\","
  "  \"description\": \"Both platforms.\","
  "  \"origin\": \"CUSTOM\","
  "  \"purpose\": [\"REMEDIATION\"],"
  "  \"targeting\": {\"apiEnabled\": true, \"manualEnabled\": true, \"manualAllowMultipleDevices\": true},"
  "  \"scriptInfo\": {"
  "    \"runAs\": \"LOCAL_SYSTEM\", \"timeoutSeconds\": 60,"
  "    \"hasScriptWindows\": true, \"hasScriptMacOs\": true,"
  "    \"inputs\": ["
  "      {\"id\": \"StartupBehaviour\", \"name\": \"Startup behaviour of the print spooler service\","
  "       \"description\": \"Whether the service starts by itself afterwards, and when, on every device.\","
  "       \"usedByWindows\": true, \"usedByMacOs\": false,"
  "       \"options\": [\"Unchanged\", \"Automatic\", \"Disabled\"], \"allowCustomValue\": false},"
  "      {\"id\": \"Queue\", \"name\": \"Clear_queue\", \"description\": \"\","
  "       \"usedByWindows\": true, \"usedByMacOs\": true,"
  "       \"options\": [\"Yes\", \"No\"], \"allowCustomValue\": false},"
  "      {\"id\": \"Printer\", \"name\": \"Printer\", \"description\": \"\","
  "       \"usedByWindows\": false, \"usedByMacOs\": true,"
  "       \"options\": [], \"allowCustomValue\": true},"
  "      {\"id\": \"Legacy\", \"name\": \"Legacy\", \"description\": \"\","
  "       \"usedByWindows\": false, \"usedByMacOs\": false,"
  "       \"options\": [], \"allowCustomValue\": true},"
  "      {\"id\": \"Sparse\", \"name\": \"Sparse\", \"options\": []}"
  "    ],"
  "    \"outputs\": []"
  "  }"
  "}";

static gboolean
label_is (GtkWidget     *widget,
          gconstpointer  text)
{
  return gtk_widget_get_visible (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static GtkWidget *
get_popover (GtkWidget *button)
{
  return GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
}

static GtkWidget *
get_focus (Fixture *fixture)
{
  return gtk_window_get_focus (GTK_WINDOW (fixture->window));
}

static gboolean
focus_in_popover (Fixture   *fixture,
                  GtkWidget *button)
{
  GtkWidget *focus = get_focus (fixture);

  return focus != NULL && gtk_widget_is_ancestor (focus, get_popover (button));
}

/* What the focused menu item says. */
static char *
dup_focus_text (Fixture *fixture)
{
  char *text = NULL;

  g_object_get (get_focus (fixture), "text", &text, NULL);

  return text;
}

/* Opens the options as Space or Enter on the button does, and waits for
 * the focus to go to them. */
static void
open_options (Fixture   *fixture,
              GtkWidget *button)
{
  gtk_widget_grab_focus (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  RA_TEST_WAIT_UNTIL (gtk_widget_get_visible (get_popover (button)) &&
                      focus_in_popover (fixture, button));
}

static void
test_choose_by_keyboard (Fixture       *fixture,
                         gconstpointer  data)
{
  RaInputChoiceRow *row;
  GtkWidget *button;
  g_autofree char *value = NULL;
  g_autofree char *focused = NULL;

  select_action (fixture, fixture->form_action);
  row = RA_INPUT_CHOICE_ROW (get_input (fixture, "StartType"));
  button = ra_input_choice_row_get_button (row);

  /* Nothing is chosen, and the button says so. */
  value = ra_input_row_dup_value (RA_INPUT_ROW (row));
  g_assert_cmpstr (value, ==, "");
  g_assert_cmpstr (gtk_label_get_text (ra_input_choice_row_get_label (row)), ==, "Choose…");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (ra_input_choice_row_get_label (row)),
                                           "dim-label"));

  /* Space opens the options with the first one focused; Enter chooses
   * it, though nothing was chosen before. */
  open_options (fixture, button);
  focused = dup_focus_text (fixture);
  g_assert_cmpstr (focused, ==, "Automatic");
  gtk_widget_activate (get_focus (fixture));
  RA_TEST_WAIT_UNTIL (!gtk_widget_get_visible (get_popover (button)));

  g_clear_pointer (&value, g_free);
  value = ra_input_row_dup_value (RA_INPUT_ROW (row));
  g_assert_cmpstr (value, ==, "Automatic");
  g_assert_cmpstr (gtk_label_get_text (ra_input_choice_row_get_label (row)), ==, "Automatic");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (ra_input_choice_row_get_label (row)),
                                            "dim-label"));
  g_assert_cmpstr (ra_run_form_get_blocker (get_form (fixture)), ==, "Add at least one device");

  /* The arrow keys move to another option, which Enter chooses. */
  open_options (fixture, button);
  g_assert_true (gtk_widget_child_focus (get_popover (button), GTK_DIR_DOWN));
  g_clear_pointer (&focused, g_free);
  focused = dup_focus_text (fixture);
  g_assert_cmpstr (focused, !=, "Automatic");
  gtk_widget_activate (get_focus (fixture));
  RA_TEST_WAIT_UNTIL (!gtk_widget_get_visible (get_popover (button)));

  g_clear_pointer (&value, g_free);
  value = ra_input_row_dup_value (RA_INPUT_ROW (row));
  g_assert_cmpstr (value, ==, focused);
  g_assert_cmpstr (gtk_label_get_text (ra_input_choice_row_get_label (row)), ==, focused);

  /* Opened again, the options start from the one chosen, not the first:
   * Enter keeps it. */
  open_options (fixture, button);
  g_clear_pointer (&focused, g_free);
  focused = dup_focus_text (fixture);
  g_assert_cmpstr (focused, ==, value);
  gtk_widget_activate (get_focus (fixture));
  RA_TEST_WAIT_UNTIL (!gtk_widget_get_visible (get_popover (button)));
  g_clear_pointer (&focused, g_free);
  focused = ra_input_row_dup_value (RA_INPUT_ROW (row));
  g_assert_cmpstr (focused, ==, value);

  /* Going back to nothing shows the placeholder again. */
  ra_input_row_set_value (RA_INPUT_ROW (row), "");
  g_assert_cmpstr (gtk_label_get_text (ra_input_choice_row_get_label (row)), ==, "Choose…");
  g_assert_cmpstr (ra_run_form_get_blocker (get_form (fixture)), ==, "Choose a value for “Start type”");
}

/* One name each, from one source: a name given both as a label and by a
 * relation is read out twice. */
static void
assert_one_name (GtkWidget  *widget,
                 const char *name)
{
  g_autofree char *wrong = NULL;

  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  if (wrong != NULL)
    g_error ("%s is named “%s”, not “%s”", G_OBJECT_TYPE_NAME (widget), wrong, name);
}

static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(RaRemoteAction) action = add_action (fixture->sim, platforms_action_json);
  RaInputChoiceRow *choice;
  RaInputEntryRow *entry;
  g_autofree char *wrong = NULL;

  select_action (fixture, fixture->form_action);

  choice = RA_INPUT_CHOICE_ROW (get_input (fixture, "StartType"));
  /* The row is not what gets the focus, and has no name of its own. */
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (choice),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (choice),
                                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  assert_one_name (ra_input_choice_row_get_button (choice), "Start type");
  /* What is chosen, then the input's description. */
  wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (ra_input_choice_row_get_button (choice)),
                                              GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                              "Choose…\nHow the service starts afterwards.");
  g_assert_null (wrong);
  ra_input_row_set_value (RA_INPUT_ROW (choice), "Manual");
  wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (ra_input_choice_row_get_button (choice)),
                                              GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                              "Manual\nHow the service starts afterwards.");
  g_assert_null (wrong);

  entry = RA_INPUT_ENTRY_ROW (get_input (fixture, "ServiceName"));
  assert_one_name (GTK_WIDGET (ra_input_entry_row_get_entry (entry)), "Service name");
  wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (ra_input_entry_row_get_entry (entry)),
                                              GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                              "The service to restart.");
  g_assert_null (wrong);
  assert_one_name (ra_input_entry_row_get_options_button (entry),
                   "Suggested values for “Service name”");

  /* An underscore in a name is part of it, not a mnemonic. */
  select_action (fixture, action);
  choice = RA_INPUT_CHOICE_ROW (get_input (fixture, "Queue"));
  assert_one_name (ra_input_choice_row_get_button (choice), "Clear_queue");
  g_assert_nonnull (ra_test_find_widget (GTK_WIDGET (choice), GTK_TYPE_LABEL,
                                         label_is, "Clear_queue"));
}

static void
assert_note (Fixture    *fixture,
             const char *id,
             const char *note)
{
  RaInputRowBase *row = RA_INPUT_ROW_BASE (get_input (fixture, id));

  g_assert_cmpstr (ra_input_row_base_get_note (row), ==, note);
  if (note != NULL)
    g_assert_nonnull (ra_test_find_widget (GTK_WIDGET (row), GTK_TYPE_LABEL, label_is, note));
}

static void
test_platform_note (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RaRemoteAction) action = add_action (fixture->sim, platforms_action_json);

  /* A Windows action's Windows inputs: nothing to say. */
  select_action (fixture, fixture->form_action);
  assert_note (fixture, "StartType", NULL);
  assert_note (fixture, "ServiceName", NULL);
  g_assert_null (ra_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL,
                                      label_is, "Used on Windows only"));

  /* On an action for both, each input that leaves one out says so. */
  select_action (fixture, action);
  assert_note (fixture, "StartupBehaviour", "Used on Windows only");
  assert_note (fixture, "Queue", NULL);
  assert_note (fixture, "Printer", "Used on macOS only");
  assert_note (fixture, "Legacy", "Not used by either script");
  /* Not known: the action's platforms apply. */
  assert_note (fixture, "Sparse", NULL);

  /* The same on an action for one platform only. */
  {
    g_autoptr(RaActionInput) windows = NULL;
    g_autoptr(RaActionInput) macos = NULL;
    g_autoptr(JsonNode) windows_node = parse_json ("{\"id\": \"W\", \"usedByWindows\": true, \"usedByMacOs\": false}");
    g_autoptr(JsonNode) macos_node = parse_json ("{\"id\": \"M\", \"usedByWindows\": false, \"usedByMacOs\": true}");
    g_autofree char *windows_note = NULL;
    g_autofree char *macos_note = NULL;
    g_autofree char *any_note = NULL;

    windows = ra_action_input_new_from_json (windows_node, "W", NULL);
    macos = ra_action_input_new_from_json (macos_node, "M", NULL);
    g_assert_nonnull (windows);
    g_assert_nonnull (macos);

    windows_note = ra_input_row_describe_platforms (windows, fixture->form_action);
    g_assert_null (windows_note);
    macos_note = ra_input_row_describe_platforms (macos, fixture->form_action);
    g_assert_cmpstr (macos_note, ==, "Not used by the script");
    /* Without the action, every platform counts. */
    any_note = ra_input_row_describe_platforms (windows, NULL);
    g_assert_cmpstr (any_note, ==, "Used on Windows only");
  }
}

static void
test_empty_hint (Fixture       *fixture,
                 gconstpointer  data)
{
  RaInputEntryRow *row;
  GtkEditable *entry;

  select_action (fixture, fixture->form_action);
  row = RA_INPUT_ENTRY_ROW (get_input (fixture, "Note"));
  entry = ra_input_entry_row_get_entry (row);

  /* An empty entry is left out of the request: it says what then runs. */
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (entry)), ==,
                   "Empty: the script’s default applies");
  g_assert_true (ra_input_row_validate (RA_INPUT_ROW (row), NULL));
}

/* Every kind of input is laid out the same: its name, then its control,
 * then its description, each the full width of the row. */
static void
assert_layout (GtkWidget  *row,
               GtkWidget  *control,
               const char *name,
               const char *description)
{
  GtkWidget *title = ra_test_find_widget (row, GTK_TYPE_LABEL, label_is, name);
  GtkWidget *text = ra_test_find_widget (row, GTK_TYPE_LABEL, label_is, description);
  graphene_rect_t title_box, control_box, text_box;

  g_assert_nonnull (title);
  g_assert_nonnull (text);
  g_assert_true (gtk_widget_compute_bounds (title, row, &title_box));
  g_assert_true (gtk_widget_compute_bounds (control, row, &control_box));
  g_assert_true (gtk_widget_compute_bounds (text, row, &text_box));

  g_assert_cmpfloat (title_box.origin.y + title_box.size.height, <=, control_box.origin.y);
  g_assert_cmpfloat (control_box.origin.y + control_box.size.height, <=, text_box.origin.y);
  g_assert_cmpfloat (title_box.origin.x, ==, control_box.origin.x);
  g_assert_cmpfloat (text_box.origin.x, ==, control_box.origin.x);
}

static void
test_one_layout (Fixture       *fixture,
                 gconstpointer  data)
{
  RaInputChoiceRow *choice;
  RaInputEntryRow *entry;
  GtkWidget *choice_button;
  GtkWidget *entry_widget;
  graphene_rect_t choice_box, entry_box;

  select_action (fixture, fixture->form_action);
  choice = RA_INPUT_CHOICE_ROW (get_input (fixture, "StartType"));
  entry = RA_INPUT_ENTRY_ROW (get_input (fixture, "ServiceName"));
  choice_button = ra_input_choice_row_get_button (choice);
  entry_widget = GTK_WIDGET (ra_input_entry_row_get_entry (entry));
  RA_TEST_WAIT_UNTIL (gtk_widget_get_width (choice_button) > 0 &&
                      gtk_widget_get_width (entry_widget) > 0);

  assert_layout (GTK_WIDGET (choice), choice_button, "Start type",
                 "How the service starts afterwards.");
  assert_layout (GTK_WIDGET (entry), entry_widget, "Service name",
                 "The service to restart.");

  /* Both controls start at the same place; the entry leaves room for
   * its suggestions button. */
  g_assert_true (gtk_widget_compute_bounds (choice_button, GTK_WIDGET (fixture->page), &choice_box));
  g_assert_true (gtk_widget_compute_bounds (entry_widget, GTK_WIDGET (fixture->page), &entry_box));
  g_assert_cmpfloat (choice_box.origin.x, ==, entry_box.origin.x);
  g_assert_cmpfloat (choice_box.size.width, >=, entry_box.size.width);
}

/* Sending the focus to a row, as the page does to the first input that
 * needs a value, puts it in the row's control. */
static void
test_focus (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *choice, *entry, *focus;

  select_action (fixture, fixture->form_action);
  choice = GTK_WIDGET (get_input (fixture, "StartType"));
  entry = GTK_WIDGET (get_input (fixture, "ServiceName"));

  g_assert_true (gtk_widget_grab_focus (choice));
  focus = get_focus (fixture);
  g_assert_nonnull (focus);
  g_assert_true (focus == ra_input_choice_row_get_button (RA_INPUT_CHOICE_ROW (choice)) ||
                 gtk_widget_is_ancestor (focus, ra_input_choice_row_get_button (RA_INPUT_CHOICE_ROW (choice))));

  g_assert_true (gtk_widget_grab_focus (entry));
  focus = get_focus (fixture);
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (ra_input_entry_row_get_entry (RA_INPUT_ENTRY_ROW (entry)))));
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RaRemoteAction) action = add_action (fixture->sim, platforms_action_json);
  RaInputChoiceRow *row;
  GtkLabel *label;
  PangoLayout *layout;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 700);
  RA_TEST_WAIT_UNTIL (gtk_widget_get_width (fixture->window) == 360);

  select_action (fixture, action);
  row = RA_INPUT_CHOICE_ROW (get_input (fixture, "StartupBehaviour"));
  ra_input_row_set_value (RA_INPUT_ROW (row), "Unchanged");
  label = ra_input_choice_row_get_label (row);
  RA_TEST_WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (label)) > 0 &&
                      gtk_widget_get_width (fixture->window) == 360);
  ra_test_settle ();

  /* The whole value, on one line, within the window. */
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Unchanged");
  layout = gtk_label_get_layout (label);
  g_assert_false (pango_layout_is_ellipsized (layout));
  g_assert_cmpint (pango_layout_get_line_count (layout), ==, 1);
  g_assert_cmpint (gtk_widget_get_width (fixture->window), ==, 360);
  {
    graphene_rect_t bounds;
    int text_width;

    pango_layout_get_pixel_size (layout, &text_width, NULL);
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (label), fixture->window, &bounds));
    g_assert_cmpfloat (bounds.size.width, >=, text_width);
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, 360);
  }
}

static void
add_tests (void)
{
  RA_TEST_ADD ("/input-rows/choose-by-keyboard", test_choose_by_keyboard);
  RA_TEST_ADD ("/input-rows/accessible-names", test_accessible_names);
  RA_TEST_ADD ("/input-rows/platform-note", test_platform_note);
  RA_TEST_ADD ("/input-rows/empty-hint", test_empty_hint);
  RA_TEST_ADD ("/input-rows/one-layout", test_one_layout);
  RA_TEST_ADD ("/input-rows/focus", test_focus);
  RA_TEST_ADD ("/input-rows/narrow", test_narrow);
}

int
main (int   argc,
      char *argv[])
{
  return page_fixture_main (argc, argv, add_tests);
}
