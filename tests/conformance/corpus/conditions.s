@ Every condition code, including the HS/LO aliases and an explicit AL.
        .syntax unified
        .global _start
_start:
        moveq   r0, #0
        movne   r0, #1
        movcs   r0, #2
        movhs   r0, #2
        movcc   r0, #3
        movlo   r0, #3
        movmi   r0, #4
        movpl   r0, #5
        movvs   r0, #6
        movvc   r0, #7
        movhi   r0, #8
        movls   r0, #9
        movge   r0, #10
        movlt   r0, #11
        movgt   r0, #12
        movle   r0, #13
        moval   r0, #14
        addseq  r1, r1, r2
        addshs  r1, r1, r2
        subslo  r1, r1, #1
        ldrhs   r0, [r1]
        ldrblo  r0, [r1]
        strheq  r0, [r1]
        ldrsbne r0, [r1]
        ldmiahs r0, {r1}
        bhs     1f
        blo     1f
        bal     1f
1:      bxal    lr
        blhs    1b
        svchs   #0
        push    {r0}
        pushhs  {r1}
        pophs   {r1}
        MOVEQ   R0, #1
        AddsNe  r0, r0, #1
