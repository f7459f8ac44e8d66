#!/usr/bin/perl
# Generates src/regexp/UnicodeProperties.inc: the code point ranges of the properties \p{...}
# accepts (22.2.2.9 UnicodePropertyValueExpression): General_Category values, Script and
# Script_Extensions values, and the binary properties of table-binary-unicode-properties.
# Python's unicodedata lacks Script, so this uses Perl's Unicode::UCD (Unicode 14 with Perl 5.36).
#
# Usage: perl tools/gen/gen_regexp_properties.pl > src/regexp/UnicodeProperties.inc
use strict;
use warnings;
use Unicode::UCD qw(prop_invlist prop_values prop_value_aliases);

my @data;    # the encoded range lists (bytes, see add_ranges)
my @entries; # [kind, name, offset, count]
my %cache;   # key -> [offset, count]

sub ranges_of_invlist {
    my @l = @_;
    push @l, 0x110000 if @l % 2;
    return @l;
}

# Appends an unsigned LEB128 number to @data (bytes).
sub push_leb {
    my ($v) = @_;
    while ($v >= 0x80) { push @data, ($v & 0x7F) | 0x80; $v >>= 7; }
    push @data, $v;
}

# A range list is stored as (gap from the previous range's end, length) pairs of LEB128 numbers, the
# first gap counted from 0: a third of the size of 32-bit pairs.
sub add_ranges {
    my ($key, @r) = @_;
    return @{$cache{$key}} if $cache{$key};
    my $off = scalar(@data);
    my $prev = 0;
    for (my $i = 0; $i < @r; $i += 2) {
        die "unsorted ranges for $key" if $r[$i] < $prev || $r[$i + 1] <= $r[$i];
        push_leb($r[$i] - $prev);
        push_leb($r[$i + 1] - $r[$i]);
        $prev = $r[$i + 1];
    }
    $cache{$key} = [$off, scalar(@r) / 2];
    return ($off, scalar(@r) / 2);
}

sub union {
    my %in;
    my @points;
    for my $list (@_) {
        my @r = @$list;
        for (my $i = 0; $i < @r; $i += 2) { push @points, [$r[$i], $r[$i + 1]]; }
    }
    @points = sort { $a->[0] <=> $b->[0] } @points;
    my @out;
    for my $p (@points) {
        if (@out && $p->[0] <= $out[-1]) { $out[-1] = $p->[1] if $p->[1] > $out[-1]; }
        else { push @out, $p->[0], $p->[1]; }
    }
    return @out;
}

sub entry {
    my ($kind, $name, $key, @r) = @_;
    my ($off, $cnt) = add_ranges($key, @r);
    push @entries, [$kind, $name, $off, $cnt];
}

# ---- General_Category ----
my %gc_long = (
    Lu => 'Uppercase_Letter', Ll => 'Lowercase_Letter', Lt => 'Titlecase_Letter', Lm => 'Modifier_Letter',
    Lo => 'Other_Letter', Mn => 'Nonspacing_Mark', Mc => 'Spacing_Mark', Me => 'Enclosing_Mark',
    Nd => 'Decimal_Number', Nl => 'Letter_Number', No => 'Other_Number', Pc => 'Connector_Punctuation',
    Pd => 'Dash_Punctuation', Ps => 'Open_Punctuation', Pe => 'Close_Punctuation',
    Pi => 'Initial_Punctuation', Pf => 'Final_Punctuation', Po => 'Other_Punctuation', Sm => 'Math_Symbol',
    Sc => 'Currency_Symbol', Sk => 'Modifier_Symbol', So => 'Other_Symbol', Zs => 'Space_Separator',
    Zl => 'Line_Separator', Zp => 'Paragraph_Separator', Cc => 'Control', Cf => 'Format',
    Cs => 'Surrogate', Co => 'Private_Use', Cn => 'Unassigned',
);
my %gc_extra_alias = (Cc => ['cntrl'], Nd => ['digit'], Mn => []);
my %gc_ranges;
for my $short (sort keys %gc_long) {
    my @r = ranges_of_invlist(prop_invlist("gc=$short"));
    $gc_ranges{$short} = \@r;
    for my $n ($short, $gc_long{$short}, @{$gc_extra_alias{$short} || []}) { entry(0, $n, "gc=$short", @r); }
}
my %groups = (
    L => ['Letter', [qw(Lu Ll Lt Lm Lo)]], LC => ['Cased_Letter', [qw(Lu Ll Lt)]],
    M => ['Mark', [qw(Mn Mc Me)], 'Combining_Mark'], N => ['Number', [qw(Nd Nl No)]],
    P => ['Punctuation', [qw(Pc Pd Ps Pe Pi Pf Po)], 'punct'], S => ['Symbol', [qw(Sm Sc Sk So)]],
    Z => ['Separator', [qw(Zs Zl Zp)]], C => ['Other', [qw(Cc Cf Cs Co Cn)]],
);
for my $g (sort keys %groups) {
    my ($long, $members, @more) = @{$groups{$g}};
    my @r = union(map { $gc_ranges{$_} } @$members);
    for my $n ($g, $long, @more) { entry(0, $n, "gc=$g", @r); }
}

# ---- Script and Script_Extensions ----
for my $v (prop_values("Script")) {
    my @aliases = prop_value_aliases("Script", $v);
    my %seen;
    @aliases = grep { !$seen{$_}++ } @aliases;
    my @r = ranges_of_invlist(prop_invlist("Script=$v"));
    my @rx = ranges_of_invlist(prop_invlist("Script_Extensions=$v"));
    for my $n (@aliases) {
        next if $n =~ /^(Qaac|Qaai)$/ && 0;
        entry(1, $n, "sc=$v", @r);
        entry(2, $n, "scx=$v", @rx);
    }
}

# ---- binary properties ----
my @binary = (
    [ASCII => []], [ASCII_Hex_Digit => ['AHex']], [Alphabetic => ['Alpha']], [Any => []],
    [Assigned => []], [Bidi_Control => ['Bidi_C']], [Bidi_Mirrored => ['Bidi_M']],
    [Case_Ignorable => ['CI']], [Cased => []], [Changes_When_Casefolded => ['CWCF']],
    [Changes_When_Casemapped => ['CWCM']], [Changes_When_Lowercased => ['CWL']],
    [Changes_When_NFKC_Casefolded => ['CWKCF']], [Changes_When_Titlecased => ['CWT']],
    [Changes_When_Uppercased => ['CWU']], [Dash => []], [Default_Ignorable_Code_Point => ['DI']],
    [Deprecated => ['Dep']], [Diacritic => ['Dia']], [Emoji => []], [Emoji_Component => ['EComp']],
    [Emoji_Modifier => ['EMod']], [Emoji_Modifier_Base => ['EBase']], [Emoji_Presentation => ['EPres']],
    [Extended_Pictographic => ['ExtPict']], [Extender => ['Ext']], [Grapheme_Base => ['Gr_Base']],
    [Grapheme_Extend => ['Gr_Ext']], [Hex_Digit => ['Hex']], [IDS_Binary_Operator => ['IDSB']],
    [IDS_Trinary_Operator => ['IDST']], [ID_Continue => ['IDC']], [ID_Start => ['IDS']],
    [Ideographic => ['Ideo']], [Join_Control => ['Join_C']], [Logical_Order_Exception => ['LOE']],
    [Lowercase => ['Lower']], [Math => []], [Noncharacter_Code_Point => ['NChar']],
    [Pattern_Syntax => ['Pat_Syn']], [Pattern_White_Space => ['Pat_WS']], [Quotation_Mark => ['QMark']],
    [Radical => []], [Regional_Indicator => ['RI']], [Sentence_Terminal => ['STerm']],
    [Soft_Dotted => ['SD']], [Terminal_Punctuation => ['Term']], [Unified_Ideograph => ['UIdeo']],
    [Uppercase => ['Upper']], [Variation_Selector => ['VS']], [White_Space => ['space']],
    [XID_Continue => ['XIDC']], [XID_Start => ['XIDS']],
);
for my $b (@binary) {
    my ($name, $aliases) = @$b;
    my @r;
    if ($name eq 'Any') { @r = (0, 0x110000); }
    elsif ($name eq 'ASCII') { @r = (0, 0x80); }
    elsif ($name eq 'Assigned') {
        my @cn = @{$gc_ranges{Cn}};
        my $start = 0;
        for (my $i = 0; $i < @cn; $i += 2) { push @r, $start, $cn[$i] if $cn[$i] > $start; $start = $cn[$i + 1]; }
        push @r, $start, 0x110000 if $start < 0x110000;
    } else { @r = ranges_of_invlist(prop_invlist($name)); }
    for my $n ($name, @$aliases) { entry(3, $n, "bin=$name", @r); }
}

@entries = sort { $a->[0] <=> $b->[0] or $a->[1] cmp $b->[1] } @entries;
print "// Generated by tools/gen/gen_regexp_properties.pl (Unicode ", Unicode::UCD::UnicodeVersion(), "). Do not edit.\n";
print "// kPropertyRanges: range lists, each range as two LEB128 numbers: the gap from the end of the\n";
print "// previous range (from 0 for the first) and the length. kProperties: kind (0 General_Category,\n";
print "// 1 Script, 2 Script_Extensions, 3 binary), name, byte offset of the list, range count; sorted by\n";
print "// kind then name.\n";
print "static const uint8_t kPropertyRanges[] = {\n";
for (my $i = 0; $i < @data; $i += 16) {
    my $end = $i + 15 < $#data ? $i + 15 : $#data;
    print "    ", join(", ", map { sprintf("0x%02X", $_) } @data[$i .. $end]), ",\n";
}
print "};\n";
print "static const PropertyEntry kProperties[] = {\n";
for my $e (@entries) { printf "    {%d, \"%s\", %d, %d},\n", @$e; }
print "};\n";
