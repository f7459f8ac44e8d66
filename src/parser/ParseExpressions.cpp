// ParseExpressions.cpp: expressions, from comma expressions down to primaries, including the
// cover grammars for parenthesized expressions / arrow parameters and async arrows / calls.
#include "parser/ParserImpl.h"
#include "regexp/RegExpCompiler.h"

#include <cstring>

namespace qjs {

static bool is_bare_arrow(const Node* n) {
    return n->kind == NodeKind::ArrowFunctionExpression && !n->is_parenthesized();
}

void Parser::check_cover(const CoverInfo& cover, bool as_pattern) {
    if (cover.shorthand_init && !as_pattern)
        fail_at_offset(cover.shorthand_init - 1, cover.shorthand_init_line, cover.shorthand_init_column,
                       "invalid shorthand property initializer");
    if (cover.double_proto && !as_pattern)
        fail_at_offset(cover.double_proto - 1, cover.double_proto_line, cover.double_proto_column,
                       "duplicate __proto__ fields are not allowed in object literals");
}

static void merge_cover(CoverInfo& into, const CoverInfo& from) {
    if (!into.shorthand_init && from.shorthand_init) {
        into.shorthand_init = from.shorthand_init;
        into.shorthand_init_line = from.shorthand_init_line;
        into.shorthand_init_column = from.shorthand_init_column;
    }
    if (!into.double_proto && from.double_proto) {
        into.double_proto = from.double_proto;
        into.double_proto_line = from.double_proto_line;
        into.double_proto_column = from.double_proto_column;
    }
}

Node* Parser::parse_expression(bool in, CoverInfo* cover) {
    Token start = m_tok;
    Node* first = parse_assignment(in, cover);
    if (!first || !at(Tok::Comma)) return first;
    auto* seq = make_node<SequenceExpression>(start);
    if (!seq || !push(seq->expressions, first)) return nullptr;
    while (eat(Tok::Comma)) {
        Node* e = parse_assignment(in, cover);
        if (!e || !push(seq->expressions, e)) return nullptr;
    }
    return finish(seq);
}

static bool assign_op_for(Tok t, AssignOp& op) {
    switch (t) {
    case Tok::Assign: op = AssignOp::Assign; return true;
    case Tok::PlusAssign: op = AssignOp::Add; return true;
    case Tok::MinusAssign: op = AssignOp::Sub; return true;
    case Tok::StarAssign: op = AssignOp::Mul; return true;
    case Tok::SlashAssign: op = AssignOp::Div; return true;
    case Tok::PercentAssign: op = AssignOp::Mod; return true;
    case Tok::StarStarAssign: op = AssignOp::Exp; return true;
    case Tok::ShiftLeftAssign: op = AssignOp::Shl; return true;
    case Tok::ShiftRightAssign: op = AssignOp::Sar; return true;
    case Tok::ShiftRightUnsignedAssign: op = AssignOp::Shr; return true;
    case Tok::AmpersandAssign: op = AssignOp::BitAnd; return true;
    case Tok::PipeAssign: op = AssignOp::BitOr; return true;
    case Tok::CaretAssign: op = AssignOp::BitXor; return true;
    case Tok::AmpersandAmpersandAssign: op = AssignOp::And; return true;
    case Tok::PipePipeAssign: op = AssignOp::Or; return true;
    case Tok::QuestionQuestionAssign: op = AssignOp::Coalesce; return true;
    default: return false;
    }
}

bool Parser::is_simple_assignment_target(Node* e, bool web_compat_call) {
    if (web_compat_call && e->kind == NodeKind::CallExpression && !strict() && m_options.annex_b &&
        as<CallExpression>(e)->callee->kind != NodeKind::Super)
        return true;
    if (e->kind == NodeKind::Identifier) {
        if (strict()) {
            auto* id = as<Identifier>(e);
            if (id->name.data == m_name_eval || id->name.data == m_name_arguments) {
                fail_at_node(e, "invalid assignment to 'eval' or 'arguments' in strict mode");
                return false;
            }
        }
        return true;
    }
    if (e->kind == NodeKind::MemberExpression) return true;
    if (e->kind == NodeKind::ChainExpression) {
        fail_at_node(e, "invalid assignment target: optional chain");
        return false;
    }
    fail_at_node(e, "invalid assignment target");
    return false;
}

Node* Parser::parse_assignment(bool in, CoverInfo* cover) {
    if (!enter_depth()) return nullptr;
    Node* result = nullptr;
    if (m_tok.type == Tok::Identifier && m_tok.is(Tok::Yield) && m_fn->is_generator) {
        result = parse_yield(in);
        leave_depth();
        return result;
    }
    Token start = m_tok;
    CoverInfo local;
    bool outer_in = m_assignment_in;
    m_assignment_in = in;
    Node* lhs = parse_conditional(in, &local);
    m_assignment_in = outer_in;
    AssignOp op;
    if (!lhs || is_bare_arrow(lhs) || !assign_op_for(m_tok.type, op)) {
        if (lhs) {
            if (cover)
                merge_cover(*cover, local);
            else
                check_cover(local, false);
        }
        leave_depth();
        return failed() ? nullptr : lhs;
    }
    if (op == AssignOp::Assign &&
        (lhs->kind == NodeKind::ObjectExpression || lhs->kind == NodeKind::ArrayExpression) &&
        !lhs->is_parenthesized()) {
        lhs = to_assignment_target(lhs, false);
    } else {
        check_cover(local, false);
        bool logical = op == AssignOp::And || op == AssignOp::Or || op == AssignOp::Coalesce;
        if (!failed() && !is_simple_assignment_target(lhs, !logical)) lhs = nullptr;
    }
    if (!lhs || failed()) {
        leave_depth();
        return nullptr;
    }
    advance();
    Node* rhs = parse_assignment(in, nullptr);
    leave_depth();
    if (!rhs) return nullptr;
    auto* node = make_node<AssignmentExpression>(start);
    if (!node) return nullptr;
    node->op = op;
    node->left = lhs;
    node->right = rhs;
    return finish(node);
}

Node* Parser::parse_yield(bool in) {
    Token start = m_tok;
    if (m_fn->in_parameters) return fail("yield expression not allowed in formal parameters");
    if (m_tok.escaped) return fail("keyword must not contain escaped characters");
    m_counters.yield_expressions++;
    advance();
    auto* node = make_node<YieldExpression>(start);
    if (!node) return nullptr;
    if (!m_tok.newline_before) {
        if (eat(Tok::Star)) {
            node->delegate = true;
            node->argument = parse_assignment(in);
            if (!node->argument) return nullptr;
        } else {
            switch (m_tok.type) {
            case Tok::RParen:
            case Tok::RBracket:
            case Tok::RBrace:
            case Tok::Comma:
            case Tok::Semicolon:
            case Tok::Colon:
            case Tok::EndOfInput:
            case Tok::In:
            case Tok::Question:
            case Tok::Template: // a TemplateTail after a substitution
                break;
            default:
                node->argument = parse_assignment(in);
                if (!node->argument) return nullptr;
            }
        }
    }
    return finish(node);
}

Node* Parser::parse_conditional(bool in, CoverInfo* cover) {
    Token start = m_tok;
    Node* test = parse_binary(1, in, cover);
    if (!test || is_bare_arrow(test) || !at(Tok::Question)) return test;
    advance();
    auto* node = make_node<ConditionalExpression>(start);
    if (!node) return nullptr;
    node->test = test;
    node->consequent = parse_assignment(true);
    if (!node->consequent || !expect(Tok::Colon)) return nullptr;
    node->alternate = parse_assignment(in);
    if (!node->alternate) return nullptr;
    return finish(node);
}

// Binary operator precedence (0: not a binary operator here).
static int binary_precedence(Tok t, bool in) {
    switch (t) {
    case Tok::QuestionQuestion: return 1;
    case Tok::PipePipe: return 2;
    case Tok::AmpersandAmpersand: return 3;
    case Tok::Pipe: return 4;
    case Tok::Caret: return 5;
    case Tok::Ampersand: return 6;
    case Tok::Equal:
    case Tok::NotEqual:
    case Tok::StrictEqual:
    case Tok::StrictNotEqual: return 7;
    case Tok::Less:
    case Tok::Greater:
    case Tok::LessEqual:
    case Tok::GreaterEqual:
    case Tok::Instanceof: return 8;
    case Tok::In: return in ? 8 : 0;
    case Tok::ShiftLeft:
    case Tok::ShiftRight:
    case Tok::ShiftRightUnsigned: return 9;
    case Tok::Plus:
    case Tok::Minus: return 10;
    case Tok::Star:
    case Tok::Slash:
    case Tok::Percent: return 11;
    case Tok::StarStar: return 12;
    default: return 0;
    }
}

static BinaryOp binary_op_for(Tok t) {
    switch (t) {
    case Tok::Plus: return BinaryOp::Add;
    case Tok::Minus: return BinaryOp::Sub;
    case Tok::Star: return BinaryOp::Mul;
    case Tok::Slash: return BinaryOp::Div;
    case Tok::Percent: return BinaryOp::Mod;
    case Tok::StarStar: return BinaryOp::Exp;
    case Tok::ShiftLeft: return BinaryOp::Shl;
    case Tok::ShiftRight: return BinaryOp::Sar;
    case Tok::ShiftRightUnsigned: return BinaryOp::Shr;
    case Tok::Ampersand: return BinaryOp::BitAnd;
    case Tok::Pipe: return BinaryOp::BitOr;
    case Tok::Caret: return BinaryOp::BitXor;
    case Tok::Equal: return BinaryOp::Eq;
    case Tok::NotEqual: return BinaryOp::Ne;
    case Tok::StrictEqual: return BinaryOp::StrictEq;
    case Tok::StrictNotEqual: return BinaryOp::StrictNe;
    case Tok::Less: return BinaryOp::Lt;
    case Tok::LessEqual: return BinaryOp::Le;
    case Tok::Greater: return BinaryOp::Gt;
    case Tok::GreaterEqual: return BinaryOp::Ge;
    case Tok::In: return BinaryOp::In;
    default: return BinaryOp::Instanceof;
    }
}

static bool is_unparenthesized_logical(const Node* n, bool coalesce) {
    if (n->kind != NodeKind::LogicalExpression || n->is_parenthesized()) return false;
    bool is_coalesce = static_cast<const LogicalExpression*>(n)->op == LogicalOp::Coalesce;
    return is_coalesce == coalesce;
}

Node* Parser::parse_binary(int min_precedence, bool in, CoverInfo* cover) {
    Token start = m_tok;
    Node* left;
    if (at(Tok::PrivateName)) {
        // `#x in obj`
        if (min_precedence > 8 || !in) return fail_unexpected();
        auto* name = make_node<PrivateIdentifier>(m_tok);
        if (!name) return nullptr;
        name->name = m_tok.value;
        use_private_name(m_tok);
        advance();
        finish(name);
        if (!at(Tok::In)) return fail_unexpected();
        left = name;
    } else {
        left = parse_unary(cover);
    }
    if (!left || is_bare_arrow(left)) return left;
    while (true) {
        Tok t = m_tok.type;
        int prec = binary_precedence(t, in);
        if (prec == 0 || prec < min_precedence) break;
        if (t == Tok::StarStar && !left->is_parenthesized() &&
            (left->kind == NodeKind::UnaryExpression || left->kind == NodeKind::AwaitExpression))
            return fail("unparenthesized unary expression can't appear on the left-hand side of '**'");
        if (left->kind == NodeKind::PrivateIdentifier && t != Tok::In) return fail_unexpected();
        advance();
        if (!enter_depth()) return nullptr;
        Node* right = parse_binary(t == Tok::StarStar ? prec : prec + 1, in, nullptr);
        leave_depth();
        if (!right) return nullptr;
        if (is_bare_arrow(right)) return fail_unexpected();
        Node* node;
        if (t == Tok::AmpersandAmpersand || t == Tok::PipePipe || t == Tok::QuestionQuestion) {
            bool coalesce = t == Tok::QuestionQuestion;
            // `??` cannot be mixed with && or || without parentheses.
            if (is_unparenthesized_logical(left, !coalesce) || is_unparenthesized_logical(right, !coalesce))
                return fail("cannot mix '?\?' with '&&' or '||' without parentheses");
            auto* l = make_node<LogicalExpression>(start);
            if (!l) return nullptr;
            l->op = t == Tok::AmpersandAmpersand ? LogicalOp::And
                    : t == Tok::PipePipe         ? LogicalOp::Or
                                                 : LogicalOp::Coalesce;
            l->left = left;
            l->right = right;
            node = l;
        } else if (left->kind == NodeKind::PrivateIdentifier) {
            auto* p = make_node<PrivateInExpression>(start);
            if (!p) return nullptr;
            p->name = as<PrivateIdentifier>(left);
            p->right = right;
            node = p;
        } else {
            auto* b = make_node<BinaryExpression>(start);
            if (!b) return nullptr;
            b->op = binary_op_for(t);
            b->left = left;
            b->right = right;
            node = b;
        }
        left = finish(node);
    }
    if (left->kind == NodeKind::PrivateIdentifier) return fail_unexpected();
    return left;
}

Node* Parser::parse_unary(CoverInfo* cover) {
    Token start = m_tok;
    UnaryOp op;
    switch (m_tok.type) {
    case Tok::Delete: op = UnaryOp::Delete; break;
    case Tok::Void: op = UnaryOp::Void; break;
    case Tok::Typeof: op = UnaryOp::Typeof; break;
    case Tok::Plus: op = UnaryOp::Plus; break;
    case Tok::Minus: op = UnaryOp::Minus; break;
    case Tok::Tilde: op = UnaryOp::BitNot; break;
    case Tok::Bang: op = UnaryOp::Not; break;
    case Tok::PlusPlus:
    case Tok::MinusMinus: {
        advance();
        if (!enter_depth()) return nullptr;
        Node* arg = parse_unary(nullptr);
        leave_depth();
        if (!arg) return nullptr;
        if (is_bare_arrow(arg) || !is_simple_assignment_target(arg, true))
            return fail_at_node(arg, "invalid operand for update expression");
        auto* node = make_node<UpdateExpression>(start);
        if (!node) return nullptr;
        node->op = start.type == Tok::PlusPlus ? UpdateOp::Increment : UpdateOp::Decrement;
        node->prefix = true;
        node->argument = arg;
        return finish(node);
    }
    case Tok::Identifier:
        if (m_tok.keyword == Tok::Await && await_is_keyword()) {
            if (m_tok.escaped) return fail("keyword must not contain escaped characters");
            bool allowed = m_fn->is_async || (!m_fn->fn && (m_module || m_options.await_is_keyword));
            if (!allowed || m_fn->await_reserved) return fail("'await' is only valid in async functions");
            if (m_fn->in_parameters) return fail("await expression not allowed in formal parameters");
            m_counters.await_expressions++;
            advance();
            if (!enter_depth()) return nullptr;
            Node* arg = parse_unary(nullptr);
            leave_depth();
            if (!arg) return nullptr;
            if (is_bare_arrow(arg)) return fail_at_node(arg, "unexpected arrow function");
            auto* node = make_node<AwaitExpression>(start);
            if (!node) return nullptr;
            node->argument = arg;
            return finish(node);
        }
        return parse_update(cover);
    default: return parse_update(cover);
    }
    advance();
    if (!enter_depth()) return nullptr;
    Node* arg = parse_unary(nullptr);
    leave_depth();
    if (!arg) return nullptr;
    if (is_bare_arrow(arg)) return fail_at_node(arg, "unexpected arrow function");
    if (op == UnaryOp::Delete) {
        Node* target = arg;
        if (strict() && target->kind == NodeKind::Identifier)
            return fail_at_node(arg, "deleting an unqualified identifier is not allowed in strict mode");
        if (target->kind == NodeKind::ChainExpression) target = as<ChainExpression>(target)->expression;
        if (target->kind == NodeKind::MemberExpression &&
            as<MemberExpression>(target)->property->kind == NodeKind::PrivateIdentifier)
            return fail_at_node(arg, "private fields cannot be deleted");
    }
    auto* node = make_node<UnaryExpression>(start);
    if (!node) return nullptr;
    node->op = op;
    node->argument = arg;
    return finish(node);
}

Node* Parser::parse_update(CoverInfo* cover) {
    Token start = m_tok;
    Node* expr = parse_lhs(cover);
    if (!expr || is_bare_arrow(expr)) return expr;
    if ((at(Tok::PlusPlus) || at(Tok::MinusMinus)) && !m_tok.newline_before) {
        if (!is_simple_assignment_target(expr, true)) return nullptr;
        auto* node = make_node<UpdateExpression>(start);
        if (!node) return nullptr;
        node->op = at(Tok::PlusPlus) ? UpdateOp::Increment : UpdateOp::Decrement;
        node->prefix = false;
        node->argument = expr;
        advance();
        return finish(node);
    }
    return expr;
}

Node* Parser::parse_lhs(CoverInfo* cover, bool allow_call) {
    Token start = m_tok;
    Node* expr;
    CoverInfo local;
    if (at(Tok::New))
        expr = parse_new();
    else if (at(Tok::Super))
        expr = parse_super();
    else if (at(Tok::Import))
        expr = parse_import_expression(start);
    else
        expr = parse_primary(&local);
    if (!expr) return nullptr;
    Node* primary = expr;
    if (!is_bare_arrow(expr)) {
        bool in_chain = false;
        expr = parse_member_tail(expr, start, allow_call, in_chain);
        if (!expr) return nullptr;
    }
    // A literal with a member access, call or template after it is never a pattern: `[{a = 0}.x] = []`.
    if (cover && expr == primary)
        merge_cover(*cover, local);
    else
        check_cover(local, false);
    return failed() ? nullptr : expr;
}

bool Parser::parse_arguments(AstVector<Node*>& args) {
    if (!expect(Tok::LParen)) return false;
    while (!at(Tok::RParen)) {
        Node* arg;
        if (at(Tok::Ellipsis)) {
            auto* spread = make_node<SpreadElement>(m_tok);
            if (!spread) return false;
            advance();
            spread->argument = parse_assignment(true);
            if (!spread->argument) return false;
            arg = finish(spread);
        } else {
            arg = parse_assignment(true);
            if (!arg) return false;
        }
        if (!push(args, arg)) return false;
        if (!at(Tok::RParen) && !expect(Tok::Comma)) return false;
    }
    advance();
    return true;
}

// Member accesses, calls, optional chains and tagged templates after a primary expression.
Node* Parser::parse_member_tail(Node* expr, const Token& start, bool allow_call, bool& in_chain) {
    while (true) {
        switch (m_tok.type) {
        case Tok::Dot:
        case Tok::QuestionDot: {
            bool optional = at(Tok::QuestionDot);
            if (optional) {
                if (!allow_call) return fail("optional chain not allowed in new expression");
                in_chain = true;
            }
            advance();
            if (optional && (at(Tok::LParen) || at(Tok::LBracket))) {
                if (at(Tok::LParen)) {
                    auto* call = make_node<CallExpression>(start);
                    if (!call) return nullptr;
                    call->callee = expr;
                    call->optional = true;
                    if (!parse_arguments(call->arguments)) return nullptr;
                    expr = finish(call);
                } else {
                    advance();
                    auto* m = make_node<MemberExpression>(start);
                    if (!m) return nullptr;
                    m->object = expr;
                    m->computed = true;
                    m->optional = true;
                    m->property = parse_expression(true);
                    if (!m->property || !expect(Tok::RBracket)) return nullptr;
                    expr = finish(m);
                }
                continue;
            }
            if (optional && (at(Tok::Template) || at(Tok::TemplateHead)))
                return fail("tagged template cannot be used in optional chain");
            auto* m = make_node<MemberExpression>(start);
            if (!m) return nullptr;
            m->object = expr;
            m->optional = optional;
            if (at(Tok::PrivateName)) {
                auto* p = make_node<PrivateIdentifier>(m_tok);
                if (!p) return nullptr;
                p->name = m_tok.value;
                use_private_name(m_tok);
                advance();
                m->property = finish(p);
            } else if (is_identifier_name(m_tok.type)) {
                Identifier* id = make_identifier(m_tok);
                if (!id) return nullptr;
                advance();
                m->property = id;
            } else {
                return fail_unexpected();
            }
            expr = finish(m);
            continue;
        }
        case Tok::LBracket: {
            advance();
            auto* m = make_node<MemberExpression>(start);
            if (!m) return nullptr;
            m->object = expr;
            m->computed = true;
            m->property = parse_expression(true);
            if (!m->property || !expect(Tok::RBracket)) return nullptr;
            expr = finish(m);
            continue;
        }
        case Tok::LParen: {
            if (!allow_call) break;
            auto* call = make_node<CallExpression>(start);
            if (!call) return nullptr;
            call->callee = expr;
            if (expr->kind == NodeKind::Identifier && as<Identifier>(expr)->name.data == m_name_eval) {
                call->is_direct_eval_candidate = true;
                m_counters.direct_evals++;
                m_fn->unit->has_direct_eval = true;
                // Eval code can refer to this/arguments/new.target/super of the enclosing function.
                for (FunctionState* f = m_fn; f; f = f->parent) {
                    f->unit->uses_this = true;
                    if (!f->arguments_forbidden) f->unit->uses_arguments = true;
                    if (f->allow_new_target) f->unit->uses_new_target = true;
                    if (f->allow_super_property) f->unit->uses_super_property = true;
                    if (f->allow_super_call) f->unit->uses_super_call = true;
                    if (!f->is_arrow) break;
                }
            }
            if (!parse_arguments(call->arguments)) return nullptr;
            expr = finish(call);
            continue;
        }
        case Tok::Template:
        case Tok::TemplateHead: {
            if (in_chain) return fail("tagged template cannot be used in optional chain");
            Node* t = parse_template(expr, start);
            if (!t) return nullptr;
            expr = t;
            continue;
        }
        default: break;
        }
        break;
    }
    if (in_chain && allow_call) {
        auto* chain = make_node_at<ChainExpression>(expr);
        if (!chain) return nullptr;
        chain->expression = expr;
        chain->end = expr->end;
        in_chain = false;
        return chain;
    }
    return expr;
}

Node* Parser::parse_new() {
    Token start = m_tok;
    advance(); // new
    if (at(Tok::Dot)) {
        advance();
        if (!(m_tok.type == Tok::Identifier && m_tok.keyword == Tok::Target && !m_tok.escaped))
            return fail("expected 'target' after 'new.'");
        if (!m_fn->allow_new_target) return fail_at(start, "new.target expression is not allowed here");
        advance();
        note_use_new_target();
        auto* meta = make_node<MetaProperty>(start);
        if (!meta) return nullptr;
        meta->meta_kind = MetaPropertyKind::NewTarget;
        return finish(meta);
    }
    if (!enter_depth()) return nullptr;
    Token callee_start = m_tok;
    Node* callee;
    if (at(Tok::New))
        callee = parse_new();
    else if (at(Tok::Super))
        callee = parse_super();
    else if (at(Tok::Import) && peek().type == Tok::Dot) {
        callee = parse_import_expression(callee_start);
        // import.defer(...) and import.source(...) are calls, which `new` cannot take.
        if (callee && callee->is(NodeKind::ImportCall)) callee = nullptr, fail("cannot use new with import");
    } else if (at(Tok::Import))
        callee = nullptr, fail("cannot use new with import");
    else
        callee = parse_primary(nullptr);
    leave_depth();
    if (!callee) return nullptr;
    if (is_bare_arrow(callee)) return fail_at_node(callee, "unexpected arrow function");
    bool in_chain = false;
    callee = parse_member_tail(callee, callee_start, false, in_chain);
    if (!callee) return nullptr;
    if (in_chain) return fail("optional chain not allowed in new expression");
    auto* node = make_node<NewExpression>(start);
    if (!node) return nullptr;
    node->callee = callee;
    if (at(Tok::LParen) && !parse_arguments(node->arguments)) return nullptr;
    return finish(node);
}

Node* Parser::parse_super() {
    Token start = m_tok;
    advance();
    auto* sup = make_node<Super>(start);
    if (!sup) return nullptr;
    finish(sup);
    if (at(Tok::LParen)) {
        if (!m_fn->allow_super_call)
            return fail_at(start, "'super' call is only valid in derived class constructors");
        note_use_super_call();
        auto* call = make_node<CallExpression>(start);
        if (!call) return nullptr;
        call->callee = sup;
        if (!parse_arguments(call->arguments)) return nullptr;
        return finish(call);
    }
    if (at(Tok::Dot) || at(Tok::LBracket)) {
        if (!m_fn->allow_super_property)
            return fail_at(start, "'super' property access is only valid in methods");
        note_use_super_property();
        auto* m = make_node<MemberExpression>(start);
        if (!m) return nullptr;
        m->object = sup;
        if (eat(Tok::Dot)) {
            if (!is_identifier_name(m_tok.type)) return fail_unexpected();
            m->property = make_identifier(m_tok);
            if (!m->property) return nullptr;
            advance();
        } else {
            advance();
            m->computed = true;
            m->property = parse_expression(true);
            if (!m->property || !expect(Tok::RBracket)) return nullptr;
        }
        return finish(m);
    }
    return fail_at(start, "'super' keyword unexpected here");
}

Node* Parser::parse_import_expression(const Token& start) {
    advance(); // import
    ImportPhase phase = ImportPhase::Evaluation;
    if (at(Tok::Dot)) {
        advance();
        if (m_tok.is(Tok::Defer) || m_tok.is(Tok::Source)) {
            // import.defer(...) / import.source(...)
            phase = m_tok.is(Tok::Defer) ? ImportPhase::Defer : ImportPhase::Source;
            advance();
        } else {
            if (!m_tok.is(Tok::Meta)) return fail("expected 'meta' after 'import.'");
            if (!m_module) return fail_at(start, "import.meta is only valid in modules");
            advance();
            auto* meta = make_node<MetaProperty>(start);
            if (!meta) return nullptr;
            meta->meta_kind = MetaPropertyKind::ImportMeta;
            return finish(meta);
        }
    }
    if (!expect(Tok::LParen)) return nullptr;
    auto* call = make_node<ImportCall>(start);
    if (!call) return nullptr;
    call->phase = phase;
    call->source = parse_assignment(true);
    if (!call->source) return nullptr;
    if (eat(Tok::Comma) && !at(Tok::RParen)) {
        call->options = parse_assignment(true);
        if (!call->options) return nullptr;
        eat(Tok::Comma);
    }
    if (!expect(Tok::RParen)) return nullptr;
    return finish(call);
}

Node* Parser::make_literal_from_token(const Token& t) {
    switch (t.type) {
    case Tok::Number: {
        if (t.legacy_octal && strict()) return fail_at(t, "octal literals are not allowed in strict mode");
        auto* n = make_node<NumericLiteral>(t);
        if (!n) return nullptr;
        n->value = t.number;
        n->end = t.end;
        return n;
    }
    case Tok::BigInt: {
        auto* n = make_node<BigIntLiteral>(t);
        if (!n) return nullptr;
        n->digits = t.bigint_digits;
        n->length = t.bigint_length;
        n->end = t.end;
        return n;
    }
    case Tok::String: {
        if (t.legacy_octal && strict())
            return fail_at_offset(t.escape_error_offset, t.escape_error_line, t.escape_error_column,
                                  "octal escape sequences are not allowed in strict mode");
        auto* n = make_node<StringLiteral>(t);
        if (!n) return nullptr;
        n->value = t.value;
        n->end = t.end;
        return n;
    }
    default: return fail_at(t, "unexpected token");
    }
}

Node* Parser::parse_template(Node* tag, const Token& start) {
    auto* tl = make_node<TemplateLiteral>(m_tok);
    if (!tl) return nullptr;
    while (true) {
        if (!at(Tok::Template) && !at(Tok::TemplateHead)) return fail_unexpected();
        if (!m_tok.cooked_valid && !tag)
            return fail_at_offset(m_tok.escape_error_offset, m_tok.escape_error_line,
                                  m_tok.escape_error_column, "invalid escape sequence in template literal");
        if (!push(tl->quasis, TemplateElement{m_tok.value, m_tok.raw, m_tok.cooked_valid})) return nullptr;
        if (at(Tok::Template)) {
            advance();
            break;
        }
        advance();
        Node* e = parse_expression(true);
        if (!e || !push(tl->expressions, e)) return nullptr;
        if (!at(Tok::RBrace)) return fail_unexpected();
        m_lexer.rescan_template_continuation(m_tok);
        if (m_tok.type == Tok::Error)
            return fail_at_offset(m_tok.escape_error_offset, m_tok.escape_error_line,
                                  m_tok.escape_error_column, m_tok.error_message);
    }
    finish(tl);
    if (!tag) return tl;
    auto* tt = make_node<TaggedTemplateExpression>(start);
    if (!tt) return nullptr;
    tt->tag = tag;
    tt->quasi = tl;
    return finish(tt);
}

Node* Parser::parse_primary(CoverInfo* cover) {
    Token start = m_tok;
    switch (m_tok.type) {
    case Tok::This: {
        note_use_this();
        auto* n = make_node<ThisExpression>(start);
        if (!n) return nullptr;
        advance();
        return finish(n);
    }
    case Tok::Identifier: {
        if (m_tok.is(Tok::Async)) {
            Token next = peek();
            if (!next.newline_before) {
                if (next.type == Tok::Function) {
                    advance();
                    return parse_function(start, NodeKind::FunctionExpression, true, false, false);
                }
                if (next.type == Tok::LParen) return parse_async_arrow_or_call(cover);
                Token after;
                if (next.type == Tok::Identifier && peek2(&after).type == Tok::Identifier &&
                    after.type == Tok::Arrow && !after.newline_before) {
                    // async x => ...
                    UseCounters before = m_counters;
                    advance();
                    FunctionState probe; // `await` is reserved in async arrow parameters
                    Token param_tok = m_tok;
                    if (param_tok.keyword == Tok::Await)
                        return fail("'await' is not a valid parameter name in an async function");
                    Identifier* param = parse_identifier(true);
                    if (!param) return nullptr;
                    if (!at(Tok::Arrow) || m_tok.newline_before) return fail_unexpected();
                    (void)probe;
                    return parse_arrow_function(start, nullptr, param, true, before);
                }
            }
        }
        UseCounters before = m_counters;
        Identifier* id = parse_identifier(false);
        if (!id) return nullptr;
        if (at(Tok::Arrow) && !m_tok.newline_before)
            return parse_arrow_function(start, nullptr, id, false, before);
        return id;
    }
    case Tok::Number:
    case Tok::String:
    case Tok::BigInt: {
        Node* n = make_literal_from_token(m_tok);
        if (!n) return nullptr;
        advance();
        return n;
    }
    case Tok::True:
    case Tok::False: {
        auto* n = make_node<BooleanLiteral>(start);
        if (!n) return nullptr;
        n->value = at(Tok::True);
        advance();
        return finish(n);
    }
    case Tok::Null: {
        auto* n = make_node<NullLiteral>(start);
        if (!n) return nullptr;
        advance();
        return finish(n);
    }
    case Tok::LBracket: return parse_array_literal(cover);
    case Tok::LBrace: return parse_object_literal(cover);
    case Tok::LParen: return parse_paren_or_arrow(cover);
    case Tok::Function: return parse_function(start, NodeKind::FunctionExpression, false, false, false);
    case Tok::Class: return parse_class(start, false, false);
    case Tok::Template:
    case Tok::TemplateHead: return parse_template(nullptr, start);
    case Tok::Slash:
    case Tok::SlashAssign: {
        m_lexer.rescan_as_regexp(m_tok);
        if (m_tok.type == Tok::Error)
            return fail_at_offset(m_tok.escape_error_offset, m_tok.escape_error_line,
                                  m_tok.escape_error_column, m_tok.error_message);
        // Early error: the pattern must parse with its flags (22.2.1.1 Static Semantics: Early Errors).
        {
            char message[160];
            bool out_of_memory = false;
            if (!regexp_validate(m_tok.value.data, m_tok.value.length, m_tok.raw.data, m_tok.raw.length,
                                 message, sizeof message, &out_of_memory)) {
                if (out_of_memory) return fail_oom();
                auto* copy = static_cast<char*>(m_arena.allocate(sizeof message, 1));
                if (!copy) return fail_oom();
                std::memcpy(copy, message, sizeof message);
                return fail_at(m_tok, copy);
            }
        }
        auto* n = make_node<RegExpLiteral>(start);
        if (!n) return nullptr;
        n->pattern = m_tok.value;
        n->flags = m_tok.raw;
        advance();
        return finish(n);
    }
    default: return fail_unexpected();
    }
}

// `async ( ... )`: an async arrow head or a call of a function named async.
Node* Parser::parse_async_arrow_or_call(CoverInfo* cover) {
    Token start = m_tok;
    UseCounters before = m_counters;
    Identifier* callee = make_identifier(m_tok);
    if (!callee) return nullptr;
    advance();
    AstVector<Node*> args;
    CoverInfo local;
    advance(); // (
    bool trailing_comma_after_rest = false;
    while (!at(Tok::RParen)) {
        Node* arg;
        if (at(Tok::Ellipsis)) {
            auto* spread = make_node<SpreadElement>(m_tok);
            if (!spread) return nullptr;
            advance();
            spread->argument = parse_assignment(true, &local);
            if (!spread->argument) return nullptr;
            arg = finish(spread);
            if (at(Tok::Comma)) trailing_comma_after_rest = true;
        } else {
            arg = parse_assignment(true, &local);
            if (!arg) return nullptr;
        }
        if (!push(args, arg)) return nullptr;
        if (!at(Tok::RParen) && !expect(Tok::Comma)) return nullptr;
    }
    advance();
    if (at(Tok::Arrow) && !m_tok.newline_before) {
        if (trailing_comma_after_rest) return fail("rest parameter must be last formal parameter");
        if (m_counters.await_identifiers != before.await_identifiers ||
            m_counters.await_expressions != before.await_expressions)
            return fail_at(start, "'await' is not allowed in async arrow function parameters");
        return parse_arrow_function(start, &args, nullptr, true, before);
    }
    if (cover)
        merge_cover(*cover, local);
    else
        check_cover(local, false);
    if (failed()) return nullptr;
    auto* call = make_node<CallExpression>(start);
    if (!call) return nullptr;
    call->callee = callee;
    call->arguments = args;
    return finish(call);
}

Node* Parser::parse_paren_or_arrow(CoverInfo* cover) {
    Token start = m_tok;
    advance(); // (
    UseCounters before = m_counters;
    if (at(Tok::RParen)) {
        advance();
        if (!at(Tok::Arrow) || m_tok.newline_before) return fail_unexpected();
        AstVector<Node*> none;
        return parse_arrow_function(start, &none, nullptr, false, before);
    }
    AstVector<Node*> items;
    CoverInfo local;
    bool trailing_comma = false;
    bool has_rest = false;
    Token first = m_tok;
    while (true) {
        if (at(Tok::Ellipsis)) {
            auto* rest = make_node<RestElement>(m_tok);
            if (!rest) return nullptr;
            advance();
            rest->argument = parse_binding_target();
            if (!rest->argument) return nullptr;
            if (!push(items, static_cast<Node*>(finish(rest)))) return nullptr;
            has_rest = true;
            if (!at(Tok::RParen)) return fail("rest parameter must be last formal parameter");
            break;
        }
        Node* item = parse_assignment(true, &local);
        if (!item || !push(items, item)) return nullptr;
        if (!eat(Tok::Comma)) break;
        if (at(Tok::RParen)) {
            trailing_comma = true;
            break;
        }
    }
    if (!expect(Tok::RParen)) return nullptr;
    if (at(Tok::Arrow) && !m_tok.newline_before)
        return parse_arrow_function(start, &items, nullptr, false, before);
    if (has_rest || trailing_comma) return fail_unexpected();
    check_cover(local, false);
    if (failed()) return nullptr;
    (void)cover;
    Node* expr;
    if (items.size() == 1) {
        expr = items[0];
    } else {
        auto* seq = make_node<SequenceExpression>(first);
        if (!seq) return nullptr;
        seq->expressions = items;
        seq->end = items.back()->end;
        expr = seq;
    }
    expr->flags |= NodeFlagParenthesized;
    return expr;
}

Node* Parser::parse_array_literal(CoverInfo* cover) {
    auto* arr = make_node<ArrayExpression>(m_tok);
    if (!arr) return nullptr;
    advance();
    while (!at(Tok::RBracket)) {
        if (at(Tok::Comma)) {
            advance();
            if (!push(arr->elements, static_cast<Node*>(nullptr))) return nullptr;
            continue;
        }
        Node* elem;
        if (at(Tok::Ellipsis)) {
            auto* spread = make_node<SpreadElement>(m_tok);
            if (!spread) return nullptr;
            advance();
            spread->argument = parse_assignment(true, cover);
            if (!spread->argument) return nullptr;
            elem = finish(spread);
            if (at(Tok::Comma)) arr->flags |= NodeFlagInternalRestNotLast;
        } else {
            elem = parse_assignment(true, cover);
            if (!elem) return nullptr;
        }
        if (!push(arr->elements, elem)) return nullptr;
        if (!at(Tok::RBracket) && !expect(Tok::Comma)) return nullptr;
    }
    advance();
    return finish(arr);
}

Node* Parser::parse_property_name(bool& computed, bool allow_private, Token& key_token) {
    key_token = m_tok;
    computed = false;
    switch (m_tok.type) {
    case Tok::String:
    case Tok::Number:
    case Tok::BigInt: {
        Node* n = make_literal_from_token(m_tok);
        if (!n) return nullptr;
        advance();
        return n;
    }
    case Tok::LBracket: {
        advance();
        computed = true;
        Node* e = parse_assignment(true);
        if (!e || !expect(Tok::RBracket)) return nullptr;
        return e;
    }
    case Tok::PrivateName: {
        if (!allow_private) return fail_unexpected();
        auto* p = make_node<PrivateIdentifier>(m_tok);
        if (!p) return nullptr;
        p->name = m_tok.value;
        advance();
        return finish(p);
    }
    default:
        if (is_identifier_name(m_tok.type)) {
            Identifier* id = make_identifier(m_tok);
            if (!id) return nullptr;
            advance();
            return id;
        }
        return fail_unexpected();
    }
}

static bool is_property_key_named(const Node* key, const char16_t* interned, const char* ascii) {
    if (key->kind == NodeKind::Identifier) return static_cast<const Identifier*>(key)->name.data == interned;
    if (key->kind == NodeKind::StringLiteral)
        return static_cast<const StringLiteral*>(key)->value.equals_ascii(ascii);
    return false;
}

Node* Parser::parse_object_literal(CoverInfo* cover) {
    auto* obj = make_node<ObjectExpression>(m_tok);
    if (!obj) return nullptr;
    advance();
    bool seen_proto = false;
    while (!at(Tok::RBrace)) {
        Token start = m_tok;
        if (at(Tok::Ellipsis)) {
            auto* spread = make_node<SpreadElement>(m_tok);
            if (!spread) return nullptr;
            advance();
            spread->argument = parse_assignment(true, cover);
            if (!spread->argument) return nullptr;
            if (!push(obj->properties, static_cast<Node*>(finish(spread)))) return nullptr;
            if (at(Tok::Comma)) obj->flags |= NodeFlagInternalRestNotLast;
        } else {
            auto* prop = make_node<Property>(start);
            if (!prop) return nullptr;
            bool is_async = false, is_generator = false;
            PropertyKind kind = PropertyKind::Init;
            auto next_is_key = [&]() {
                Token next = peek();
                return next.type != Tok::Comma && next.type != Tok::Colon && next.type != Tok::LParen &&
                       next.type != Tok::RBrace && next.type != Tok::Assign && next.type != Tok::EndOfInput;
            };
            if (m_tok.is(Tok::Async) && next_is_key() && !peek().newline_before) {
                is_async = true;
                advance();
            }
            if (at(Tok::Star)) {
                is_generator = true;
                advance();
            }
            if (!is_async && !is_generator && (m_tok.is(Tok::Get) || m_tok.is(Tok::Set)) && next_is_key()) {
                kind = m_tok.is(Tok::Get) ? PropertyKind::Get : PropertyKind::Set;
                advance();
            }
            bool computed;
            Token key_tok;
            Node* key = parse_property_name(computed, false, key_tok);
            if (!key) return nullptr;
            prop->key = key;
            prop->computed = computed;
            if (kind != PropertyKind::Init || is_async || is_generator || at(Tok::LParen)) {
                FunctionKind fk = kind == PropertyKind::Get   ? FunctionKind::Getter
                                  : kind == PropertyKind::Set ? FunctionKind::Setter
                                                              : FunctionKind::Method;
                FunctionNode* fn = parse_method_function(start, fk, is_async, is_generator, false);
                if (!fn) return nullptr;
                prop->value = fn;
                prop->property_kind = kind;
                prop->method = kind == PropertyKind::Init;
            } else if (eat(Tok::Colon)) {
                prop->value = parse_assignment(true, cover);
                if (!prop->value) return nullptr;
                if (!computed && is_property_key_named(key, m_name_proto, "__proto__")) {
                    prop->property_kind = PropertyKind::Proto;
                    if (seen_proto && cover && !cover->double_proto) {
                        cover->double_proto = key_tok.start + 1;
                        cover->double_proto_line = key_tok.line;
                        cover->double_proto_column = key_tok.column;
                    } else if (seen_proto && !cover) {
                        return fail_at(key_tok,
                                       "duplicate __proto__ fields are not allowed in object literals");
                    }
                    seen_proto = true;
                }
            } else if (!computed && key_tok.type == Tok::Identifier) {
                // Shorthand `{a}` or CoverInitializedName `{a = 1}`.
                if (!check_identifier_token(key_tok, false)) return nullptr;
                Identifier* value = make_identifier(key_tok);
                if (!value) return nullptr;
                if (value->name.data == m_name_arguments) {
                    note_use_arguments();
                    for (FunctionState* f = m_fn; f; f = f->parent) {
                        if (f->arguments_forbidden)
                            return fail_at(key_tok, "'arguments' is not allowed in class field initializer");
                        if (!f->is_arrow) break;
                    }
                }
                prop->shorthand = true;
                if (at(Tok::Assign)) {
                    if (cover && !cover->shorthand_init) {
                        cover->shorthand_init = m_tok.start + 1;
                        cover->shorthand_init_line = m_tok.line;
                        cover->shorthand_init_column = m_tok.column;
                    } else if (!cover) {
                        return fail("invalid shorthand property initializer");
                    }
                    advance();
                    auto* assign = make_node_at<AssignmentExpression>(value);
                    if (!assign) return nullptr;
                    assign->left = value;
                    assign->right = parse_assignment(true);
                    if (!assign->right) return nullptr;
                    prop->value = finish(assign);
                } else {
                    prop->value = value;
                }
            } else {
                return fail_unexpected();
            }
            if (!push(obj->properties, static_cast<Node*>(finish(prop)))) return nullptr;
        }
        if (!at(Tok::RBrace) && !expect(Tok::Comma)) return nullptr;
    }
    advance();
    return finish(obj);
}

} // namespace qjs
