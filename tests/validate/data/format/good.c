/* good.c — written in the house style; check-format.py must pass it. */

#include <glib/gi18n.h>

typedef struct
{
  char *name;
  guint count;
} Entry;

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const struct { const char *id; const char *label; } labels[] = {
  { "us", N_("United States (us)") },
  { "eu", N_("European Union (eu)") },
};

static gboolean
entry_matches (const Entry  *entry,
               const char   *name,
               GError      **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) parts = NULL;
  gsize n = (gsize) entry->count;

  if (entry == NULL || name == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("No entry named “%s”."),
                   name);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      switch (i)
        {
        case 0:
          g_string_append (text, labels[i].label);
          break;
        default:
          break;
        }
    }

  g_assert_cmpuint (n, ==, entry->count);

  return g_str_equal (entry->name, name) &&
         text->len > 0;
}
